import { PerronSupportForm } from '../support-form/support-form.ts';
import { define } from '../internal/define.ts';

define('perron-support-form', PerronSupportForm);
