import { PerronIdeaVote } from '../idea-vote/idea-vote.ts';
import { define } from '../internal/define.ts';

define('perron-idea-vote', PerronIdeaVote);
