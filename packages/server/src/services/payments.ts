import type { LocalizedText } from '@perron/contract';
import { numberFormat } from './intl.ts';

/** What a payment adapter gets to decide how a money promise is collected. */
export interface MoneyPromise {
  pledgeId: string;
  amountCents: number;
  organizationName: string;
  projectTitle: LocalizedText;
}

export interface Collection {
  method: 'promise' | 'redirect';
  instructions: LocalizedText;
  url: string | null;
}

/**
 * Perron never sees card numbers: a payment or crowdfunding partner collects. An adapter says
 * how; the default records the promise and tells the person the organization will reach them.
 */
export interface PaymentAdapter {
  collect(promise: MoneyPromise): Promise<Collection>;
}

const money = (cents: number, locale: string) =>
  numberFormat(locale, { style: 'currency', currency: 'CAD' }).format(cents / 100);

export const promiseOnlyPayments: PaymentAdapter = {
  async collect({ amountCents, organizationName }) {
    return {
      method: 'promise',
      url: null,
      instructions: {
        fr: `Votre promesse de don de ${money(amountCents, 'fr-CA')} est enregistrée. Aucun paiement n'est pris maintenant : ${organizationName} vous écrira pour vous indiquer comment verser votre don.`,
        en: `Your promise to give ${money(amountCents, 'en-CA')} is recorded. No payment is taken now: ${organizationName} will write to you to say how to give.`,
      },
    };
  },
};
