// Every element: what /elements/perron.js registers.
import './perron-platform.ts';
import './perron-project-card.ts';
import './perron-project-list.ts';
import './perron-needs-list.ts';
import './perron-pledge-form.ts';
import './perron-event-calendar.ts';
import './perron-idea-vote.ts';
