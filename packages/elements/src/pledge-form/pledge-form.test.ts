import { expect, oneEvent } from '@open-wc/testing';
import { CONSENT_VERSION } from '@perron/contract';
import { createClient } from '@perron/sdk';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { problem, received } from '../../mocks/handlers.ts';
import { $, $$, describedBy, expectAccessible, mount, startMocks, tabTo, textOf, waitFor, worker } from '../../test/helpers.ts';
import { sharedSuite } from '../../test/shared.ts';
import type { PerronPledgeForm } from './pledge-form.ts';

const fallback = '<a href="https://perron.example/projets/p-jardin">Voir sur Perron</a>';
const form = (attrs = '') => `<perron-pledge-form ${attrs}>${fallback}</perron-pledge-form>`;

sharedSuite('perron-pledge-form', {
  markup: (attrs = '') => form(`project="p-jardin" ${attrs}`),
  fr: /M’engager pour : Jardin collectif Sainte-Marie.*Choisissez un besoin/,
  en: /Pledge to: Sainte-Marie community garden.*Choose a need/,
  empty: /Ce projet n’a pas de besoin ouvert/,
  notFound: /Ce projet est introuvable/,
});

const input = (el: Element, selector: string) => $<HTMLInputElement>(el, selector)!;
const labelOf = (el: Element, control: HTMLElement) => $(el, `label[for="${control.id}"]`)!.textContent!.trim();

function fill(el: Element, values: { quantity?: string; name?: string; email?: string; share?: boolean }) {
  if (values.quantity !== undefined) input(el, '[name="quantity"]').value = values.quantity;
  if (values.name !== undefined) input(el, '[name="name"]').value = values.name;
  if (values.email !== undefined) input(el, '[name="email"]').value = values.email;
  if (values.share !== undefined) input(el, '[name="shareWithOrganizers"]').checked = values.share;
}
const submit = (el: Element) => $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
const pledgesReceived = () => received.filter((r) => r.route === 'createPledge');


describe('perron-pledge-form', () => {
  before(startMocks);
  beforeEach(() => {
    received.length = 0;
  });
  afterEach(() => worker.resetHandlers());

  it('asks for what the need counts: hours, people for a shift, items, dollars', async () => {
    const cases = [
      ['n-ateliers', 'Nombre d’heures', /Entre 1 et 28\. Il reste 28 h à combler\./],
      ['n-corvee', 'Nombre de personnes', /Quand : .*avril/],
      ['n-bacs', 'Quantité (bacs)', /Il reste 15 bacs à combler/],
      ['n-semences', 'Montant en dollars', /Entre 0,01 \$ et 100 000 \$/],
    ] as const;
    for (const [need, label, hint] of cases) {
      const el = await mount(form(`need="${need}"`));
      const quantity = input(el, '[name="quantity"]');
      expect(labelOf(el, quantity)).to.equal(label);
      expect(describedBy(el, quantity).replace(/\s+/g, ' ')).to.match(hint);
      await expectAccessible(el);
    }
  });

  it('states the collection notice with the organization’s name, with two separate unchecked consents', async () => {
    const el = await mount(form('need="n-ateliers"'));
    expect(textOf(el)).to.contain(
      'Les Jardins du Faubourg recueille votre nom et votre courriel uniquement pour organiser votre contribution',
    );
    expect(textOf(el)).to.contain('retirer votre engagement à tout moment');
    const boxes = $$<HTMLInputElement>(el, 'input[type="checkbox"]');
    expect(boxes.map((b) => [b.name, b.checked])).to.deep.equal([
      ['shareWithOrganizers', false],
      ['updates', false],
    ]);
  });

  it('ties each error to its field, announces them and focuses the first', async () => {
    const el = await mount(form('need="n-ateliers"'));
    fill(el, { quantity: '500', email: 'pas-un-courriel' });
    submit(el);
    await waitFor(() => $(el, '[role="alert"]'));
    expect($(el, '[role="alert"]')!.textContent).to.contain('Le formulaire contient 4 erreurs');
    const quantity = input(el, '[name="quantity"]');
    expect(quantity.getAttribute('aria-invalid')).to.equal('true');
    expect(describedBy(el, quantity)).to.contain('Entrez un nombre entier entre 1 et 28.');
    expect(describedBy(el, input(el, '[name="name"]'))).to.equal('Entrez votre nom.');
    expect(describedBy(el, input(el, '[name="email"]'))).to.contain('nom@exemple.ca');
    expect(describedBy(el, input(el, '[name="shareWithOrganizers"]'))).to.contain('Cochez cette case');
    expect(el.shadowRoot!.activeElement).to.equal(quantity);
    expect(input(el, '[name="email"]').value).to.equal('pas-un-courriel');
    expect(pledgesReceived()).to.have.length(0);
    await expectAccessible(el);
  });

  it('is completed with the keyboard alone, confirms what happens next and fires perron-pledge', async () => {
    const wrapper = await mount<PerronPledgeForm>(`<button id="before">avant</button>${form('need="n-ateliers"')}`);
    const el = wrapper;
    document.querySelector<HTMLButtonElement>('#before')!.focus();
    await tabTo(el, '[name="quantity"]');
    await sendKeys({ type: '3' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Marie Tremblay' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'marie@exemple.ca' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await tabTo(el, 'button[type="submit"]');
    const fired = oneEvent(el, 'perron-pledge');
    await sendKeys({ press: 'Enter' });
    const event = await fired;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.pledge.quantity).to.equal(3);
    expect(event.detail.need.id).to.equal('n-ateliers');
    await waitFor(() => $(el, '#thanks'));
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#thanks'));
    expect(textOf(el)).to.contain('Merci, Marie Tremblay !');
    expect(textOf(el)).to.contain('Votre engagement : 3 h pour « Animer les ateliers de semis ».');
    // A public pledge counts once its email is confirmed: the form says where and until when.
    expect(textOf(el)).to.contain('Dernière étape : suivez le lien envoyé à marie@exemple.ca avant 10 h 45 pour confirmer votre engagement.');
    const [sent] = pledgesReceived();
    expect(sent!.body).to.deep.include({ quantity: 3, lang: 'fr' });
    expect((sent!.body as { consent: unknown }).consent).to.deep.equal({ version: CONSENT_VERSION, shareWithOrganizers: true, updates: false });
    await expectAccessible(el);
  });

  it('turns dollars into cents and shows how the money will be collected', async () => {
    const el = await mount(form('need="n-semences"'));
    fill(el, { quantity: '25,50', name: 'Luc', email: 'luc@exemple.ca', share: true });
    submit(el);
    await waitFor(() => $(el, '#thanks'));
    expect((pledgesReceived()[0]!.body as { quantity: number }).quantity).to.equal(2550);
    expect(textOf(el)).to.contain('25,50 $');
    expect(textOf(el)).to.contain('Aucun paiement n’est demandé en ligne.');
  });

  it('keeps what was typed after a failure, and retries with the same idempotency key', async () => {
    const keys: (string | null)[] = [];
    worker.use(
      http.post('*/v1/needs/:id/pledges', ({ request }) => {
        keys.push(request.headers.get('idempotency-key'));
        return keys.length === 1 ? HttpResponse.error() : undefined;
      }),
    );
    const el = await mount<PerronPledgeForm>(form('need="n-bacs"'), undefined, createClient({ node: location.origin, retries: 0 }));
    fill(el, { quantity: '2', name: 'Ana', email: 'ana@exemple.ca', share: true });
    submit(el);
    await waitFor(() => $(el, '[part~="error"]'));
    expect(textOf(el)).to.contain('L’envoi n’a pas abouti. Vos réponses sont conservées');
    expect(input(el, '[name="name"]').value).to.equal('Ana');
    expect(input(el, '[name="quantity"]').value).to.equal('2');
    expect(input(el, '[name="shareWithOrganizers"]').checked).to.equal(true);
    await expectAccessible(el);
    submit(el);
    await waitFor(() => $(el, '#thanks'));
    expect(keys).to.have.length(2);
    expect(keys[0]).to.match(/^[a-f0-9]{32}$/);
    expect(keys[1]).to.equal(keys[0]);
  });

  it('says when the need is nearly filled, on the quantity field, and starts a new pledge after', async () => {
    let attempts = 0;
    worker.use(http.post('*/v1/needs/:id/pledges', () => (++attempts === 1 ? problem('over_pledged', 409) : undefined)));
    const el = await mount(form('need="n-bacs"'));
    fill(el, { quantity: '5', name: 'Ana', email: 'ana@exemple.ca', share: true });
    submit(el);
    await waitFor(() => input(el, '[name="quantity"]').getAttribute('aria-invalid') === 'true');
    expect(describedBy(el, input(el, '[name="quantity"]'))).to.contain('Ce besoin est presque comblé');
    submit(el);
    await waitFor(() => $(el, '#thanks'));
    const keys = pledgesReceived().map((r) => r.idempotencyKey);
    expect(keys[1]).not.to.equal(keys[0]);
  });

  it('is a form control: its value is the recorded pledge, reset with the host form', async () => {
    const host = await mount<PerronPledgeForm>(`<form><perron-pledge-form name="pledge" need="n-bacs"></perron-pledge-form></form>`);
    const el = host;
    const hostForm = el.closest('form')!;
    fill(el, { quantity: '1', name: 'Ana', email: 'ana@exemple.ca', share: true });
    submit(el);
    await waitFor(() => $(el, '#thanks'));
    expect(new FormData(hostForm).get('pledge')).to.equal('pl-n-bacs-1');
    hostForm.reset();
    await waitFor(() => $(el, '[name="quantity"]'));
    expect(new FormData(hostForm).get('pledge')).to.equal(null);
  });

  it('says so when the need is filled', async () => {
    const el = await mount(form('need="n-pelles"'));
    expect(textOf(el)).to.contain('Ce besoin est comblé.');
    await expectAccessible(el);
  });

  it('speaks English, consent notice included', async () => {
    const el = await mount(form('need="n-semences" lang="en"'));
    expect(labelOf(el, input(el, '[name="quantity"]'))).to.equal('Amount in dollars');
    expect(textOf(el)).to.contain('Les Jardins du Faubourg collects your name and email only to organize your contribution');
    expect(textOf(el)).to.contain('I agree that my name and email be shared with the organizers');
  });
});
