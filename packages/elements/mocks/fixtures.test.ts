import { expect } from '@open-wc/testing';
import { Community, Event, HsdsService, Idea, IdeaContest, Impact, Pledge, Project, ProjectDetail, SuggestedService } from '@perron/contract';
import * as fx from './fixtures.ts';

/** The mocks may only say what a node may say: every fixture parses with the contract's schema. */
describe('mock fixtures', () => {
  const cases: [string, { safeParse(v: unknown): { success: boolean; error?: unknown } }, unknown[]][] = [
    ['Community', Community, fx.communities],
    ['ProjectDetail', ProjectDetail, fx.projectDetails],
    ['Project', Project, fx.projects],
    ['Pledge', Pledge, fx.needs.map((n) => fx.pledgeFor(n, 1))],
    ['Event', Event, fx.events],
    ['Idea', Idea, fx.ideas],
    ['IdeaContest', IdeaContest, [fx.contest, fx.openContest]],
    ['Impact', Impact, [fx.impact]],
    ['HsdsService', HsdsService, fx.directory.flatMap((s) => [s.fr, s.en])],
    ['SuggestedService', SuggestedService, Object.values(fx.serviceSuggestions).flatMap((byNeed) => Object.values(byNeed).flat())],
  ];
  for (const [name, schema, items] of cases) {
    it(`${name}: ${items.length} parse`, () => {
      for (const item of items) {
        const result = schema.safeParse(item);
        expect(result.success, `${name} ${JSON.stringify(result.error)}`).to.equal(true);
      }
    });
  }
});
