import { page } from '../common.ts';
import { ConfirmationPath, ConfirmationResult, ContestListQuery, Idea, IdeaContest, IdeaCreate, IdeaListQuery, PendingConfirmation, VoteCreate } from '../idea.ts';
import { Empty, IdPath, route } from '../route.ts';

/** Ideas, votes and idea contests. */
export const ideaRoutes = {
  listIdeas: route({ method: 'GET', path: '/v1/ideas', tag: 'ideas', summary: 'Confirmed ideas, by support or newest', query: IdeaListQuery, response: page(Idea) }),
  getIdea: route({ method: 'GET', path: '/v1/ideas/{id}', tag: 'ideas', summary: 'One idea', params: IdPath, response: Idea }),
  createIdea: route({ method: 'POST', path: '/v1/ideas', tag: 'ideas', summary: 'Propose an idea; it is listed once the emailed link is followed', body: IdeaCreate, status: 202, response: PendingConfirmation, errors: ['phase_closed', 'idempotency_conflict'] }),
  vote: route({ method: 'POST', path: '/v1/ideas/{id}/votes', tag: 'ideas', summary: 'Support an idea; the vote counts once the emailed link is followed', params: IdPath, body: VoteCreate, status: 202, response: PendingConfirmation, errors: ['already_voted', 'phase_closed', 'idempotency_conflict'] }),
  confirm: route({ method: 'POST', path: '/v1/confirmations/{token}', tag: 'ideas', summary: 'Confirm a vote or an idea with the token from the email', params: ConfirmationPath, body: Empty, status: 200, response: ConfirmationResult, errors: ['already_voted', 'idempotency_conflict'] }),
  listContests: route({ method: 'GET', path: '/v1/contests', tag: 'ideas', summary: 'Idea contests', query: ContestListQuery, response: page(IdeaContest) }),
  getContest: route({ method: 'GET', path: '/v1/contests/{id}', tag: 'ideas', summary: 'One idea contest and its phases', params: IdPath, response: IdeaContest }),
} as const;
