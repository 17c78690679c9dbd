import { PerronPledgeForm } from '../pledge-form/pledge-form.ts';

// Guarded: the snippet may be pasted twice, or come with another bundle of the elements.
if (!customElements.get('perron-pledge-form')) customElements.define('perron-pledge-form', PerronPledgeForm);
