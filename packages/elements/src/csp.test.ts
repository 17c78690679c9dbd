import { expect } from '@open-wc/testing';
import { startMocks } from '../test/helpers.ts';

interface Report {
  violations: string[];
  enforced: boolean;
  rendered: { tag: string; text: string }[];
}

describe('a host page with a strict Content-Security-Policy and Trusted Types', () => {
  before(startMocks);

  it('renders every element without a single violation', async function () {
    // A cold page: every module is compiled on its first request, the on-demand idea form included.
    this.timeout(120000);
    const report = new Promise<Report>((resolve) => addEventListener('message', (e) => resolve(e.data as Report), { once: true }));
    const frame = document.createElement('iframe');
    frame.src = '/packages/elements/test/csp-page.html';
    document.body.append(frame);
    const { violations, enforced, rendered } = await report;
    frame.remove();
    expect(enforced, 'the policy is in force').to.equal(true);
    expect(violations).to.deep.equal([]);
    expect(Object.fromEntries(rendered.map((r) => [r.tag, r.text]))).to.satisfy((r: Record<string, string>) =>
      /Jardin collectif Sainte-Marie/.test(r['perron-project-card']!) &&
      /Thème/.test(r['perron-project-list']!) &&
      /Volunteers and skills/.test(r['perron-needs-list']!) &&
      /Amount in dollars/.test(r['perron-pledge-form']!) &&
      /Mois/.test(r['perron-event-calendar']!) &&
      /Budget participatif 2027/.test(r['perron-idea-vote']!) &&
      // Registered on demand: perron.js fetches its chunk once the page has one.
      /Proposer une idée pour Hochelaga-Maisonneuve/.test(r['perron-idea-form']!),
    );
  });
});
