// perron.js's forms chunk: the forms of ../internal/forms.ts, the idea form and the support form. In
// perron.js every import of internal/forms.ts or of the support form is this module (rollup.config.mjs),
// so that it has one forms chunk whichever form a page holds; a per-element bundle (the card's, the
// list's) keeps its own.
import './perron-idea-form.ts';
import './perron-support-form.ts';

export * from '../internal/forms.ts';
