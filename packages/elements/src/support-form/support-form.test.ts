import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { SUPPORT_CONSENT_VERSION } from '@perron/contract';
import { http, HttpResponse } from 'msw';
import { received } from '../../mocks/handlers.ts';
import { $, expectAccessible, mount, startMocks, textOf, waitFor, worker } from '../../test/helpers.ts';
import { sharedSuite } from '../../test/shared.ts';
import '../define/perron-support-form.ts';

const form = (attrs = '') => `<button id="before">avant</button><perron-support-form project="p-serre" ${attrs}></perron-support-form>`;
const element = () => document.querySelector('perron-support-form')!;

sharedSuite('perron-support-form', {
  markup: (attrs = '') => `<perron-support-form project="p-serre" ${attrs}><a href="https://perron.example/projets/p-serre">Voir sur Perron</a></perron-support-form>`,
  fr: /J’appuie ce projet.*12 appuis sur 25.*Votre courriel/,
  en: /I support this project.*12 supporters of 25.*Your email/,
  empty: /J’appuie ce projet/,
  notFound: /Ce projet est introuvable/,
});

async function keyboardSupport(email: string) {
  document.querySelector<HTMLButtonElement>('#before')!.focus();
  await sendKeys({ press: 'Tab' });
  const el = element();
  expect(el.shadowRoot!.activeElement?.getAttribute('name')).to.equal('email');
  await sendKeys({ type: email });
  await sendKeys({ press: 'Enter' });
  return el;
}

describe('perron-support-form', () => {
  before(startMocks);
  afterEach(() => worker.resetHandlers());

  it('is an email field with the support notice read with it, and no axe violation', async () => {
    await mount(form());
    const el = element();
    await el.updateComplete;
    expect(textOf(el)).to.contain('J’appuie ce projet');
    expect($(el, '[part~="supporters"]')!.textContent).to.equal('12 appuis sur 25 — le financement s’ouvre à 25');
    const email = $<HTMLInputElement>(el, 'input[name="email"]')!;
    expect(email.type).to.equal('email');
    expect(email.getAttribute('aria-describedby')).to.contain('support-notice');
    expect(textOf(el)).to.match(/il n’est ni affiché ni transmis à l’organisme/);
    await expectAccessible(el);
  });

  it('is sent with the keyboard alone: the node hears the email, the notice version and the language; "check your email" takes focus; perron-support fires', async () => {
    await mount(form());
    const fired = oneEvent(document, 'perron-support');
    const before = received.length;
    const el = await keyboardSupport('lea@example.org');
    const event = await fired;
    expect(event.detail.projectId).to.equal('p-serre');
    const status = (await waitFor(() => $(el, '[part~="pending"]')))!;
    expect(el.shadowRoot!.activeElement).to.equal(status);
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.textContent).to.match(/suivez le lien envoyé à lea@example\.org/);
    const sent = received.slice(before).find((r) => r.route === 'supportProject')!;
    expect(sent.body).to.deep.equal({ email: 'lea@example.org', consent: { version: SUPPORT_CONSENT_VERSION }, lang: 'fr' });
    expect(sent.idempotencyKey).to.be.a('string');
    await expectAccessible(el);
  });

  it('says so when the address already supports the project', async () => {
    await mount(form());
    const el = await keyboardSupport('deja@example.org');
    const status = (await waitFor(() => $(el, '#support-status')))!;
    expect(status.textContent).to.equal('Vous appuyez déjà ce projet avec cette adresse. Merci !'.replace(' !', '\u202f!'));
  });

  it('shows an invalid email at its field, focused, and sends nothing', async () => {
    await mount(form('lang="en"'));
    const before = received.length;
    const el = await keyboardSupport('pas-un-courriel');
    const error = (await waitFor(() => $(el, '.field-error')))!;
    expect(error.textContent).to.equal('Enter a valid email address, like name@example.ca.');
    expect(el.shadowRoot!.activeElement?.getAttribute('aria-invalid')).to.equal('true');
    expect(received.length).to.equal(before);
  });

  it('keeps what was typed when the node fails, and retries with the same key', async () => {
    await mount(form());
    let failedKey: string | null = null;
    worker.use(
      http.post('*/v1/projects/:id/supports', ({ request }) => {
        failedKey = request.headers.get('idempotency-key');
        return HttpResponse.json({ code: 'internal', status: 500, title: 'x', type: 'urn:perron:problem:internal' }, { status: 500 });
      }, { once: true }),
    );
    const before = received.length;
    const el = await keyboardSupport('retry@example.org');
    const problem = (await waitFor(() => $(el, '[part~="error"]')))!;
    expect(problem.textContent).to.match(/réessayez/);
    expect($<HTMLInputElement>(el, 'input[name="email"]')!.value).to.equal('retry@example.org');
    $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
    await waitFor(() => $(el, '[part~="pending"]'));
    const retried = received.slice(before).filter((r) => r.route === 'supportProject');
    expect(retried.length).to.equal(1);
    expect(failedKey).to.be.a('string');
    expect(retried[0]!.idempotencyKey).to.equal(failedKey);
  });
});

describe('perron-support-form: its states', () => {
  before(startMocks);
  afterEach(() => worker.resetHandlers());

  it('says when the project does not exist, with its fallback link', async () => {
    await mount(`<perron-support-form project="p-nulle-part"><a href="https://perron.example/">Voir sur Perron</a></perron-support-form>`);
    expect(textOf(element())).to.match(/Ce projet est introuvable/);
  });

  it('says when the project takes no more support', async () => {
    worker.use(http.get('*/v1/projects/p-serre', async () => HttpResponse.json({ ...(await import('../../mocks/fixtures.ts')).serre, status: 'completed' })));
    await mount(form());
    expect($(element(), '[part~="closed"]')!.textContent).to.equal('Ce projet ne reçoit plus d’appuis.');
    expect($(element(), 'input')).to.equal(null);
  });
});
