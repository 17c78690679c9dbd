import { PerronIdeaVote } from '../idea-vote/idea-vote.ts';

// Guarded: the snippet may be pasted twice, or come with another bundle of the elements.
if (!customElements.get('perron-idea-vote')) customElements.define('perron-idea-vote', PerronIdeaVote);
