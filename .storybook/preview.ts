import { ContextProvider } from '@lit/context';
import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import { setupWorker } from 'msw/browser';
import manifest from '@perron/elements/custom-elements.json';
import { handlers, type Scenario } from '../packages/elements/mocks/handlers.ts';
import { coreContext, coreFor } from '../packages/elements/src/context.ts';
import '../packages/elements/src/define/all.ts';

setCustomElementsManifest(manifest);
// French first, as on a page without `lang`.
document.documentElement.lang = 'fr-CA';

// Bundled by Vite, the elements have no node of their own: the stories' node is this origin, where msw answers.
new ContextProvider(document.body, { context: coreContext, initialValue: coreFor(location.origin) });

const worker = setupWorker(...handlers('default'));
const started = worker.start({ serviceWorker: { url: './mockServiceWorker.js' }, quiet: true, onUnhandledRequest: 'bypass' });

const preview: Preview = {
  // Each story names its mock scenario (default, empty, error, slow, notFound).
  loaders: [
    async ({ parameters }) => {
      await started;
      worker.resetHandlers(...handlers((parameters.scenario as Scenario | undefined) ?? 'default'));
    },
  ],
  decorators: [
    (story, { parameters }) => {
      const width = parameters.width ? `max-width: ${parameters.width}` : '';
      return parameters.dark
        ? html`<div style="color-scheme: dark; background: #111416; color: #eceff1; padding: 1rem; ${width}">${story()}</div>`
        : html`<div style=${width}>${story()}</div>`;
    },
  ],
  parameters: { layout: 'padded' },
};
export default preview;
