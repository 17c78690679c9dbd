import { PerronPlatform } from '../platform/platform.ts';
import { define } from '../internal/define.ts';

define('perron-platform', PerronPlatform);
