import { PerronEventCalendar } from '../event-calendar/event-calendar.ts';
import { define } from '../internal/define.ts';

define('perron-event-calendar', PerronEventCalendar);
