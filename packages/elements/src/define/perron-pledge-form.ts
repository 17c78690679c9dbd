import { PerronPledgeForm } from '../pledge-form/pledge-form.ts';
import { define } from '../internal/define.ts';

define('perron-pledge-form', PerronPledgeForm);
