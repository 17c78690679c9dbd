import { PerronImpact } from '../impact/impact.ts';
import { define } from '../internal/define.ts';

define('perron-impact', PerronImpact);
