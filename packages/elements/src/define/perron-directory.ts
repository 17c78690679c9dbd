import { PerronDirectory } from '../directory/directory.ts';
import { define } from '../internal/define.ts';

define('perron-directory', PerronDirectory);
