// The organization's calendar, as a resident uses it: next month by keyboard, an event's details,
// its .ics in their own calendar, and registrations until the event is full.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator } from 'playwright-core';
import { DEMO_EVENTS } from '../packages/server/src/seed/engagement.ts';
import { launch, visit, type Lang } from './support/browser.ts';
import { parseIcs } from './support/ics.ts';
import { communitySite, publicJson } from './support/site.ts';
import { startStack, type Stack } from './support/stack.ts';
import { wording } from './support/text.ts';

let browser: Browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

const COMMUNITY = 'villeray-saint-michel-parc-extension';
const dayInMontreal = (instant: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
const monthsBetween = (a: string, b: string) => (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

for (const lang of ['fr', 'en'] as Lang[]) {
  describe(`the organization's calendar (${lang})`, () => {
    const { t, f } = wording(lang);
    let stack: Stack;
    before(async () => (stack = await startStack()));
    after(() => stack?.close());
    const title = (e: { title: { fr: string; en?: string } }) => (lang === 'en' && e.title.en) || e.title.fr;

    test('next month by keyboard, an event opened, its .ics downloaded and valid', async () => {
      const today = dayInMontreal(new Date().toISOString());
      const { items } = await publicJson(stack, `/v1/events?community=${COMMUNITY}&limit=100`);
      // The calendar opens on this month when it has events, else on the month of the next one.
      const lastDay = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)), 0)).toISOString().slice(0, 10);
      const thisMonth = (await publicJson(stack, `/v1/events?community=${COMMUNITY}&from=${today.slice(0, 8)}01&to=${lastDay}&limit=1`)).items.length > 0;
      const opening = thisMonth ? today : dayInMontreal(items[0].startsAt);
      // The first event after the opening month: "next month", or the first month after it that has one.
      const event = items.find((e: { startsAt: string }) => monthsBetween(opening, dayInMontreal(e.startsAt)) >= 1);
      assert.ok(event, 'the demo has events after the first month shown');
      const eventDay = dayInMontreal(event.startsAt);

      const v = await visit(browser, lang);
      const { page } = v;
      const calendar = page.locator('perron-event-calendar');
      const grid = calendar.getByRole('grid');
      try {
        await page.goto(communitySite(stack, lang));
        const [year, month] = opening.split('-').map(Number) as [number, number];
        await calendar.getByRole('heading', { name: f.monthYear(year, month - 1), exact: true }).waitFor();
        // The first view shows an event: marked in the grid.
        await grid.locator('.dots').first().waitFor();
        await grid.locator('[aria-selected="true"]').focus();
        for (let i = monthsBetween(opening, eventDay); i > 0; i--) await page.keyboard.press('PageDown');
        const [ey, em] = eventDay.split('-').map(Number) as [number, number];
        await calendar.getByRole('heading', { name: f.monthYear(ey, em - 1), exact: true }).waitFor();
        const selected = await grid.locator('[aria-selected="true"]').getAttribute('data-day');
        const steps = daysBetween(selected!, eventDay);
        for (let i = 0; i < Math.abs(steps); i++) await page.keyboard.press(steps > 0 ? 'ArrowRight' : 'ArrowLeft');
        assert.equal(await grid.locator(':focus').getAttribute('data-day'), eventDay, 'the focus follows the keys');

        // Enter goes to the day's events; Enter opens the details.
        await page.keyboard.press('Enter');
        const details = calendar.getByRole('button', { name: t.calendar.detailsOf(title(event)) });
        assert.equal(await details.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement), true);
        await page.keyboard.press('Enter');
        await calendar.getByText(t.calendar.organizer(event.organization.name)).waitFor();
        await v.screenshot('calendar-event');

        const [download] = await Promise.all([page.waitForEvent('download'), calendar.getByRole('link', { name: t.calendar.addToCalendar }).click()]);
        const ics = parseIcs(await readFile((await download.path())!, 'utf8'));
        const vevent = ics.components.find((c) => c.name === 'VEVENT')!;
        assert.equal(ics.properties.VERSION?.value, '2.0');
        assert.ok(ics.components.some((c) => c.name === 'VTIMEZONE' && c.properties.TZID?.value === 'America/Toronto'));
        assert.match(vevent.properties.UID?.value ?? '', /.+/);
        assert.equal(vevent.properties.DTSTART?.params.TZID, 'America/Toronto');
        // Local wall-clock time in Montréal, as the event is set.
        const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'America/Toronto', dateStyle: 'short', timeStyle: 'medium' }).format(new Date(event.startsAt));
        assert.equal(vevent.properties.DTSTART?.value, local.replace(/[-:]/g, '').replace(' ', 'T'));
        assert.ok([event.title.fr, event.title.en].includes(vevent.properties.SUMMARY?.value), `SUMMARY ${vevent.properties.SUMMARY?.value}`);
        assert.deepEqual(v.errors, []);
      } finally {
        await v.close();
      }
    });

    test('forced colours: the event-day marks and the selected view stay visible', async () => {
      const v = await visit(browser, lang);
      try {
        await v.page.emulateMedia({ forcedColors: 'active' });
        await v.page.goto(communitySite(stack, lang));
        const calendar = v.page.locator('perron-event-calendar');
        await calendar.locator('td .dots span').first().waitFor();
        const marks = await calendar.locator('td:not([aria-selected="true"]) .dots span').evaluateAll((spans) =>
          spans.map((s) => [getComputedStyle(s).backgroundColor, getComputedStyle(s.closest('td')!).backgroundColor]),
        );
        assert.ok(marks.length > 0, 'a day other than the selected one has events');
        for (const [mark, cell] of marks) assert.notEqual(mark, cell, 'a mark is painted apart from its cell');
        const views = await calendar.locator('.views button').evaluateAll((buttons) =>
          buttons.map((b) => [b.getAttribute('aria-pressed'), getComputedStyle(b).backgroundColor, getComputedStyle(b).color]),
        );
        const pressed = views.find(([p]) => p === 'true')!;
        const other = views.find(([p]) => p === 'false')!;
        assert.notEqual(pressed[1], other[1], 'the selected view has its own background');
        await calendar.scrollIntoViewIfNeeded();
        await v.screenshot('calendar-forced-colors');
        assert.deepEqual(v.errors, []);
      } finally {
        await v.close();
      }
    });

    test('an event goes to Google Calendar or Outlook, and its .ics is in the reader’s language', async () => {
      const event = await publicJson(stack, `/v1/events/${DEMO_EVENTS.formationBenevoles}`);
      const v = await visit(browser, lang);
      try {
        await v.page.goto(communitySite(stack, lang));
        const calendar = v.page.locator('perron-event-calendar');
        await calendar.getByRole('button', { name: t.calendar.list, exact: true }).click();
        await calendar.getByRole('button', { name: t.calendar.detailsOf(title(event)) }).click();
        const group = calendar.getByRole('group', { name: t.calendar.addTo(title(event)) });
        const google = new URL((await group.getByRole('link', { name: t.calendar.google }).getAttribute('href'))!);
        assert.equal(google.searchParams.get('text'), title(event));
        const outlook = new URL((await group.getByRole('link', { name: t.calendar.outlook }).getAttribute('href'))!);
        assert.equal(new Date(outlook.searchParams.get('startdt')!).toISOString(), new Date(event.startsAt).toISOString());
        const ics = new URL((await group.getByRole('link', { name: t.calendar.addToCalendar }).getAttribute('href'))!);
        assert.equal(ics.searchParams.get('lang'), lang);
        const text = (await (await fetch(ics)).text()).replace(/\r\n /g, '');
        assert.match(text, lang === 'fr' ? /Organisé par/ : /Organized by/);
      } finally {
        await v.close();
      }
    });

    test('registrations until the event is full: the last seats go, then the event says so', async () => {
      const event = await publicJson(stack, `/v1/events/${DEMO_EVENTS.formationBenevoles}`);
      const left = event.capacity - event.registeredCount;
      assert.ok(left >= 3 && left <= 10, `seats left in the demo: ${left}`);

      const register = async (name: string, seats: number): Promise<{ v: Awaited<ReturnType<typeof visit>>; rsvp: Locator }> => {
        const v = await visit(browser, lang);
        await v.page.goto(communitySite(stack, lang));
        const calendar = v.page.locator('perron-event-calendar');
        await calendar.getByRole('button', { name: t.calendar.list, exact: true }).click();
        await calendar.getByRole('button', { name: t.calendar.detailsOf(title(event)) }).click();
        const rsvp = calendar.locator('.event').filter({ has: v.page.getByRole('heading', { name: title(event) }) });
        if (seats) {
          await rsvp.getByRole('button', { name: t.calendar.register }).click();
          await rsvp.getByLabel(t.pledge.name).fill(name);
          await rsvp.getByLabel(t.pledge.email).fill(`${name.split(' ')[0]!.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()}.${lang}@example.org`);
          await rsvp.getByLabel(t.calendar.seats).fill(String(seats));
          await rsvp.locator('input[name="shareWithOrganizers"]').check();
          await rsvp.locator('form').getByRole('button', { name: t.calendar.register }).click();
        }
        return { v, rsvp };
      };

      // More seats than are left: refused, nothing booked.
      const first = await register('Paul Dubé', left + 1 > 10 ? 10 : left + 1);
      await first.rsvp.getByRole('alert').filter({ hasText: t.calendar.eventFull }).waitFor();
      assert.equal((await publicJson(stack, `/v1/events/${event.id}`)).registeredCount, event.registeredCount);
      await first.v.close();

      const second = await register('Aïcha Traoré', left - 1);
      await second.rsvp.getByRole('status').filter({ hasText: t.calendar.registered(left - 1) }).waitFor();
      await second.v.close();
      const third = await register('Hugo Lemieux', 1);
      await third.rsvp.getByRole('status').filter({ hasText: t.calendar.registered(1) }).waitFor();
      await third.v.close();

      // The next visitor finds it full, without a form.
      const last = await register('', 0);
      await last.rsvp.getByText(t.calendar.full, { exact: true }).waitFor();
      await last.rsvp.getByText(t.calendar.eventFull).waitFor();
      assert.equal(await last.rsvp.getByRole('button', { name: t.calendar.register }).count(), 0);
      await last.v.screenshot('calendar-full');
      assert.deepEqual(last.v.errors, []);
      await last.v.close();
      assert.equal((await publicJson(stack, `/v1/events/${event.id}`)).registeredCount, event.capacity);

      // Hugo can't come: his email's link asks, he cancels, and his seat is free for the next visitor.
      const hugo = await visit(browser, lang);
      try {
        await hugo.page.goto(`${stack.node.url}/dev/mail?lang=${lang}`);
        const link = hugo.page.getByRole('link', { name: /\/registrations\/cancel\// });
        await hugo.page.getByRole('article').filter({ hasText: `hugo.${lang}@example.org` }).filter({ has: link }).first().locator(link).first().click();
        await hugo.page.getByRole('button', { name: lang === 'fr' ? 'Annuler mon inscription' : 'Cancel my registration' }).click();
        await hugo.page.getByRole('heading', { name: lang === 'fr' ? 'Votre inscription est annulée. Merci de nous avoir prévenus.' : 'Your registration is cancelled. Thank you for letting us know.' }).waitFor();
        await hugo.screenshot('registration-cancelled');
      } finally {
        await hugo.close();
      }
      assert.equal((await publicJson(stack, `/v1/events/${event.id}`)).registeredCount, event.capacity - 1);
      const next = await register('', 0);
      await next.rsvp.getByRole('button', { name: t.calendar.register }).waitFor();
      await next.v.close();
    });
  });
}
