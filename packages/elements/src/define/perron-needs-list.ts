import { PerronNeedsList } from '../needs-list/needs-list.ts';
import { define } from '../internal/define.ts';

define('perron-needs-list', PerronNeedsList);
