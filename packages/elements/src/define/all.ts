// Every element: what /elements/perron.js registers.
import './perron-platform.ts';
import './perron-project-card.ts';
import './perron-project-list.ts';
import './perron-needs-list.ts';
import './perron-event-calendar.ts';
import './perron-idea-vote.ts';
import { defineOnDemand } from '../internal/on-demand.ts';

// Forms are a chunk fetched the first time a page holds one (docs/bundle-size.md): most pages show
// projects and needs, and every kilobyte here is paid by all of them. The idea form is a chunk of
// its own: few pages hold it, and those with a pledge form need not fetch it.
defineOnDemand({
  'perron-pledge-form': () => import('../internal/forms.ts'),
  'perron-idea-form': () => import('./perron-idea-form.ts'),
  // The card's "J'appuie ce projet" dialog fetches the same chunk.
  'perron-support-form': () => import('./perron-support-form.ts'),
});
