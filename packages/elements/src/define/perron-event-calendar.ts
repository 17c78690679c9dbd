import { PerronEventCalendar } from '../event-calendar/event-calendar.ts';

// Guarded: the snippet may be pasted twice, or come with another bundle of the elements.
if (!customElements.get('perron-event-calendar')) customElements.define('perron-event-calendar', PerronEventCalendar);
