import './perron-pledge-form.ts';
import { PerronNeedsList } from '../needs-list/needs-list.ts';

// Guarded: the snippet may be pasted twice, or come with another bundle of the elements.
if (!customElements.get('perron-needs-list')) customElements.define('perron-needs-list', PerronNeedsList);
