import { PerronProjectList } from '../project-list/project-list.ts';
import { define } from '../internal/define.ts';

define('perron-project-list', PerronProjectList);
