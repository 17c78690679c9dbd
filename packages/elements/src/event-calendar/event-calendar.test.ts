import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { events, today } from '../../mocks/fixtures.ts';
import { http, HttpResponse } from 'msw';
import { problem, received } from '../../mocks/handlers.ts';
import { REGISTRATION_CONSENT_VERSION } from '@perron/contract';
import { $, $$, expectAccessible, mount, startMocks, textOf, waitFor, worker } from '../../test/helpers.ts';
import { sharedSuite } from '../../test/shared.ts';
import { addDays, addMonths, monthOf } from './dates.ts';

const calendar = (attrs = '') =>
  `<perron-event-calendar community="hochelaga-maisonneuve" ${attrs}><a href="https://perron.example/evenements">Voir sur Perron</a></perron-event-calendar>`;
const settled = (el: HTMLElement) => !$(el, '[aria-busy="true"], [part~="loading"]');

sharedSuite('perron-event-calendar', {
  markup: calendar,
  fr: /Mois.*Liste.*Atelier de semis/,
  en: /Month.*List.*Seedling workshop/,
  empty: /Aucun événement ce mois-ci/,
});

const focused = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;

describe('perron-event-calendar', () => {
  before(startMocks);
  afterEach(() => worker.resetHandlers());

  it('is a labelled date grid: seven weekday headers, today marked, one tab stop', async () => {
    const el = await mount(calendar(), settled);
    const grid = $(el, '[role="grid"]')!;
    expect($(el, `#${grid.getAttribute('aria-labelledby')}`)!.textContent).to.match(/\d{4}/);
    expect($$(el, 'th[scope="col"]')).to.have.length(7);
    expect($$(el, 'th')[0]!.getAttribute('abbr')).to.equal('dimanche');
    const current = $(el, 'td[aria-current="date"]')!;
    expect(current.dataset.day).to.equal(today);
    expect($$(el, 'td[tabindex="0"]')).to.deep.equal([current]);
    expect(current.getAttribute('aria-label')).to.match(/1 événement$/);
  });

  it('moves by day, week, week ends and months with the keyboard, and Enter reaches the day’s events', async () => {
    const el = await mount(`<button id="before">avant</button>${calendar()}`, settled);
    document.querySelector<HTMLButtonElement>('#before')!.focus();
    for (let i = 0; i < 10 && !focused(el)?.dataset.day; i++) await sendKeys({ press: 'Tab' });
    expect(focused(el)!.dataset.day).to.equal(today);
    const expectDay = async (day: string) => {
      await waitFor(() => focused(el)?.dataset.day === day);
      expect(focused(el)!.getAttribute('aria-selected')).to.equal('true');
    };
    await sendKeys({ press: 'ArrowRight' });
    await expectDay(addDays(today, 1));
    await sendKeys({ press: 'ArrowDown' });
    await expectDay(addDays(today, 8));
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowLeft' });
    await expectDay(today);
    await sendKeys({ press: 'Home' });
    const sunday = focused(el)!.dataset.day!;
    expect(new Date(`${sunday}T12:00:00Z`).getUTCDay()).to.equal(0);
    await sendKeys({ press: 'End' });
    await expectDay(addDays(sunday, 6));
    await sendKeys({ press: 'PageDown' });
    await expectDay(addMonths(addDays(sunday, 6), 1));
    expect($(el, '#month-title')!.textContent).to.match(new RegExp(String(Number(monthOf(addMonths(addDays(sunday, 6), 1)).slice(0, 4)))));
    await sendKeys({ press: 'PageUp' });
    await sendKeys({ press: 'Home' });
    // Back to today's week: today has an event, and Enter goes to it.
    for (let i = 0; i < 7 && focused(el)?.dataset.day !== today; i++) await sendKeys({ press: 'ArrowRight' });
    await expectDay(today);
    await waitFor(() => settled(el));
    await sendKeys({ press: 'Enter' });
    expect(focused(el)!.getAttribute('aria-label')).to.equal('Détails\u202F: Atelier de semis');
    await expectAccessible(el);
  });

  it('lists the events by day, with details, a calendar file and registration', async () => {
    const el = await mount(calendar('view="list"'));
    expect($$(el, '.group-title').length).to.be.greaterThan(1);
    const details = $<HTMLButtonElement>(el, '[aria-controls="details-e-semis"]')!;
    details.click();
    await el.updateComplete;
    expect(details.getAttribute('aria-expanded')).to.equal('true');
    const panel = $(el, '#details-e-semis')!;
    expect(panel.hidden).to.equal(false);
    expect(panel.textContent).to.contain('1875, avenue Morgan');
    expect(panel.textContent).to.contain('8 places restantes');
    expect(panel.querySelector<HTMLAnchorElement>('a[download]')!.href).to.equal(`${location.origin}/v1/events/e-semis.ics?lang=fr`);
    panel.querySelector<HTMLButtonElement>('button[aria-controls="rsvp-e-semis-form"]')!.click();
    // The form's code comes on this first opening.
    const form = (await waitFor(() => $<HTMLFormElement>(el, '#rsvp-e-semis-form:not([hidden])')))!;
    await expectAccessible(el);
    // Dressed as every field, though its styles came with its code: 44 px targets.
    expect(getComputedStyle(form.querySelector('[name="email"]')!).minHeight).to.equal('44px');
    form.querySelector<HTMLInputElement>('[name="name"]')!.value = 'Ana';
    form.querySelector<HTMLInputElement>('[name="email"]')!.value = 'ana@exemple.ca';
    form.querySelector<HTMLInputElement>('[name="seats"]')!.value = '2';
    form.querySelector<HTMLInputElement>('[name="shareWithOrganizers"]')!.checked = true;
    // The registration's own notice (an event, not a contribution), the seats asked before it.
    const formText = form.textContent!.replace(/\s+/g, ' ');
    expect(formText).to.contain('pour organiser cet événement');
    expect(formText).not.to.match(/cette contribution|votre engagement/);
    const names = [...form.querySelectorAll<HTMLInputElement>('input')].map((i) => i.name);
    expect(names.indexOf('seats')).to.be.lessThan(names.indexOf('shareWithOrganizers'));
    const fired = oneEvent(el, 'perron-register');
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    expect((await fired).detail.registration.seats).to.equal(2);
    await waitFor(() => textOf(el).includes('C’est noté : 2 places réservées.'));
    // The focus follows to the confirmation, instead of falling to the page's start.
    await waitFor(() => focused(el)?.id === 'rsvp-e-semis-done');
    expect(received.at(-1)!.body).to.deep.include({ seats: 2 });
    expect((received.at(-1)!.body as { consent: { version: string } }).consent.version).to.equal(REGISTRATION_CONSENT_VERSION);
  });

  it('says so when the email is already registered, keeping what was typed', async () => {
    worker.use(http.post('*/v1/events/e-semis/registrations', () => problem('conflict', 409, { detail: 'This email is already registered for this event' }), { once: true }));
    const el = await mount(calendar('view="list" lang="en"'));
    $<HTMLButtonElement>(el, '[aria-controls="details-e-semis"]')!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'button[aria-controls="rsvp-e-semis-form"]')!.click();
    const form = (await waitFor(() => $<HTMLFormElement>(el, '#rsvp-e-semis-form:not([hidden])')))!;
    form.querySelector<HTMLInputElement>('[name="name"]')!.value = 'Ana';
    form.querySelector<HTMLInputElement>('[name="email"]')!.value = 'ana@exemple.ca';
    form.querySelector<HTMLInputElement>('[name="shareWithOrganizers"]')!.checked = true;
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitFor(() => textOf(el).includes('This email is already registered for this event.'));
    expect($<HTMLFormElement>(el, '#rsvp-e-semis-form')!.querySelector<HTMLInputElement>('[name="email"]')!.value).to.equal('ana@exemple.ca');
  });

  it('says when an event is full, and links online events', async () => {
    const el = await mount(calendar('view="list" lang="en"'));
    expect($(el, '#details-e-cocreation')!.textContent).to.contain('This event is full.');
    expect($(el, '#details-e-info a')!.getAttribute('href')).to.equal('https://meet.perron.example/jardin');
    await expectAccessible(el);
  });

  it('switches views with pressed toggle buttons', async () => {
    const el = await mount(calendar(), settled);
    const [month, list] = $$<HTMLButtonElement>(el, '.views button');
    expect(month!.getAttribute('aria-pressed')).to.equal('true');
    list!.click();
    await waitFor(() => $(el, '.group-title'));
    expect(el.getAttribute('view')).to.equal('list');
    expect(list!.getAttribute('aria-pressed')).to.equal('true');
  });

  it('opens on the month of the next event when this month has none, and a move stops that', async () => {
    const later = { ...events[0]!, id: 'e-later', startsAt: `${addMonths(today, 2)}T15:00:00Z`, endsAt: `${addMonths(today, 2)}T17:00:00Z` };
    const asked: string[] = [];
    worker.use(
      http.get('*/v1/events', ({ request }) => {
        const url = new URL(request.url);
        asked.push(url.search);
        const to = url.searchParams.get('to');
        const from = url.searchParams.get('from')!;
        const items = [later].filter((e) => e.endsAt.slice(0, 10) >= from && (!to || e.startsAt.slice(0, 10) <= to));
        return HttpResponse.json({ items, nextCursor: null });
      }),
    );
    const el = await mount(calendar(), (e) => settled(e) && $(e, 'td[tabindex="0"]')?.dataset.day === later.startsAt.slice(0, 10));
    expect($$(el, 'td .dots')).to.have.length(1);
    expect(textOf(el)).to.contain('Atelier de semis');
    expect(textOf(el)).not.to.contain('Aucun événement ce mois-ci');
    // Back to today's month by hand: it stays there, empty as it is.
    for (let i = 0; i < 2; i++) {
      $<HTMLButtonElement>(el, 'button[aria-label="Mois précédent"]')!.click();
      await waitFor(() => settled(el));
    }
    await waitFor(() => textOf(el).includes('Aucun événement ce mois-ci'));
    expect(monthOf($(el, 'td[tabindex="0"]')!.dataset.day!)).to.equal(monthOf(today));
    expect(asked.filter((q) => q.includes('limit=1&') || q.endsWith('limit=1'))).to.have.length(1);
  });

  it('stays on this month when it has events', async () => {
    const el = await mount(calendar(), settled);
    expect($(el, 'td[tabindex="0"]')!.dataset.day).to.equal(today);
  });

  it('starts the list at today', async () => {
    const el = await mount(calendar('view="list"'));
    const first = $(el, '.group-title')!.id.slice('day-'.length);
    expect(first).to.equal(today);
  });

  it('adds an event to Google Calendar, Outlook or any calendar (.ics in the reader’s language)', async () => {
    const el = await mount(calendar('view="list" lang="en"'));
    const links = $$<HTMLAnchorElement>(el, '#details-e-semis .actions a');
    expect(links.map((a) => a.textContent!.trim())).to.deep.equal(['Add to my calendar', 'Google Calendar', 'Outlook']);
    expect($(el, '#details-e-semis .actions')!.getAttribute('aria-label')).to.equal('Add to a calendar: Seedling workshop');
    expect(new URL(links[0]!.href).searchParams.get('lang')).to.equal('en');
    const google = new URL(links[1]!.href);
    expect(google.origin + google.pathname).to.equal('https://calendar.google.com/calendar/render');
    expect(google.searchParams.get('text')).to.equal('Seedling workshop');
    const [start, end] = google.searchParams.get('dates')!.split('/');
    expect(start).to.equal(events[0]!.startsAt.replace(/[-:]/g, '').replace(/\.\d{3}/, ''));
    expect(end).to.match(/^\d{8}T\d{6}Z$/);
    expect(google.searchParams.get('location')).to.equal('Chalet du parc Morgan, 1875, avenue Morgan, Montréal');
    const outlook = new URL(links[2]!.href);
    expect(outlook.hostname).to.equal('outlook.live.com');
    expect(outlook.searchParams.get('subject')).to.equal('Seedling workshop');
    expect(new Date(outlook.searchParams.get('startdt')!).toISOString()).to.equal(new Date(events[0]!.startsAt).toISOString());
    await expectAccessible(el);
  });
});
