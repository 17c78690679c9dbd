import { PerronProjectList } from '../project-list/project-list.ts';

// Guarded: the snippet may be pasted twice, or come with another bundle of the elements.
if (!customElements.get('perron-project-list')) customElements.define('perron-project-list', PerronProjectList);
