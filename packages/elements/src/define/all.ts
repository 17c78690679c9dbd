// Every element: what /elements/perron.js registers.
import './perron-platform.ts';
import './perron-project-card.ts';
import './perron-project-list.ts';
import './perron-needs-list.ts';
import './perron-event-calendar.ts';
import './perron-idea-vote.ts';
import { defineOnDemand } from '../internal/on-demand.ts';

// Forms are one chunk, fetched the first time a page holds or opens one (docs/bundle-size.md): most
// pages show projects and needs, and every kilobyte here is paid by all of them. One chunk, not one
// per form: they share their fields, notices and words, which rollup would otherwise split into a
// chunk of its own that each form's chunk imports, a second round trip before the form shows.
defineOnDemand({
  'perron-pledge-form': () => import('./all-forms.ts'),
  'perron-idea-form': () => import('./all-forms.ts'),
  // The card's "J'appuie ce projet" dialog fetches the same chunk (rollup.config.mjs).
  'perron-support-form': () => import('./all-forms.ts'),
  // A funder's or a community's page shows its impact; most pages don't: a chunk of its own.
  'perron-impact': () => import('./perron-impact.ts'),
});
