// The strict-CSP page's only script: mocks, the elements, then a report to the test page.
import { ContextProvider } from '@lit/context';
import { setupWorker } from 'msw/browser';
import { handlers } from '../mocks/handlers.ts';
import { coreContext, coreFor } from '../src/context.ts';

// This page's node is the test server, where msw answers (as in test/helpers.ts).
new ContextProvider(document.body, { context: coreContext, initialValue: coreFor(location.origin) });

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`));

await setupWorker(...handlers('default')).start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledRequest: 'bypass' });
await import('../src/define/all.ts');

const elements = [...document.querySelectorAll('main *')].filter((e) => e.localName.startsWith('perron-') && e.localName !== 'perron-platform');
const settled = () =>
  elements.every((e) => e.shadowRoot && !e.shadowRoot.querySelector('[part~="loading"], [aria-busy="true"]') && e.shadowRoot.textContent!.trim());
// No time limit here (a loaded machine compiles the on-demand chunks slowly): the test's own timeout bounds it.
while (!settled()) await new Promise((r) => setTimeout(r, 25));
// Let any late violation report arrive before reading them.
await new Promise((r) => setTimeout(r, 100));
const before = [...violations];

// Proof that the policy is in force: a raw HTML sink must be refused.
let enforced = false;
try {
  document.createElement('div').innerHTML = '<b>x</b>';
} catch {
  enforced = true;
}

parent.postMessage(
  {
    violations: before,
    enforced,
    rendered: elements.map((e) => ({ tag: e.localName, text: e.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim().slice(0, 200) ?? '' })),
  },
  '*',
);
