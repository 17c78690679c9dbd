import { PerronProjectCard } from '../project-card/project-card.ts';

// Guarded: the snippet may be pasted twice, or come with another bundle of the elements.
if (!customElements.get('perron-project-card')) customElements.define('perron-project-card', PerronProjectCard);
