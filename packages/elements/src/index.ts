// The classes, without registering them: import '@perron/elements/define/<tag>' (or define/all) for that.
export { PerronPlatform } from './platform/platform.ts';
export { PerronProjectCard } from './project-card/project-card.ts';
export { PerronProjectList } from './project-list/project-list.ts';
export { PerronNeedsList } from './needs-list/needs-list.ts';
export { PerronPledgeForm } from './pledge-form/pledge-form.ts';
export { PerronEventCalendar } from './event-calendar/event-calendar.ts';
export { PerronIdeaVote } from './idea-vote/idea-vote.ts';
export { PerronIdeaForm } from './idea-form/idea-form.ts';
export { PerronDirectory } from './directory/directory.ts';
export { PerronSupportForm } from './support-form/support-form.ts';
export { PerronImpact } from './impact/impact.ts';
export { coreContext, coreFor, type PerronClient, type PerronCore } from './context.ts';
export type { PerronEventMap, PerronIdeaDetail, PerronIdeaEvent, PerronPledgeDetail, PerronPledgeEvent, PerronRegisterDetail, PerronRegisterEvent, PerronSupportDetail, PerronSupportEvent, PerronVoteDetail, PerronVoteEvent } from './events.ts';
export { locales, type Messages } from './i18n/index.ts';
