// The forms (pledge, registration, vote) and what they share (fields, consent notices, their words):
// one module that every element imports on demand, so that perron.js fetches them as one chunk, in
// one request, the first time a page holds or opens a form (docs/bundle-size.md). perron.js adds the
// idea form to that chunk (../define/all-forms.ts).
import '../define/perron-pledge-form.ts';

export { adoptFieldStyles } from './fields.ts';
export { renderRsvpForm } from '../event-calendar/rsvp-form.ts';
export { renderVoteForm } from '../idea-vote/vote-form.ts';
