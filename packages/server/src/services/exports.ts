// The rows of the organization's exports: names, not ids; money in dollars; words in the reader's language.
import type { EventRegistration, Lang, LocalizedText, OrganizationPledge, PledgeStatus } from '@perron/contract';
import { dollars, type Cell } from './csv.ts';

const pick = (text: LocalizedText, lang: Lang) => (lang === 'en' ? (text.en ?? text.fr) : text.fr);

const words = {
  fr: {
    pledges: ['Date', 'Statut', 'Projet', 'Besoin', 'Quantité', 'Unité', 'Nom', 'Courriel', 'Nouvelles du projet', 'Consentement (version)', 'Consentement (date)', 'Message', 'Raison du refus'],
    registrations: ['Date', 'Nom', 'Courriel', 'Places', 'Langue', 'Nouvelles', 'Consentement (version)'],
    status: { held: 'Courriel à confirmer', pending: 'À traiter', confirmed: 'Confirmé', fulfilled: 'Réalisé', declined: 'Refusé', withdrawn: 'Retiré', expired: 'Expiré' },
    hours: 'heures',
    people: 'personnes',
    dollars: '$ CAD',
    yes: 'oui',
    no: 'non',
    erased: '(effacé)',
    lang: { fr: 'français', en: 'anglais' },
  },
  en: {
    pledges: ['Date', 'Status', 'Project', 'Need', 'Quantity', 'Unit', 'Name', 'Email', 'Project news', 'Consent (version)', 'Consent (date)', 'Message', 'Reason declined'],
    registrations: ['Date', 'Name', 'Email', 'Seats', 'Language', 'News', 'Consent (version)'],
    status: { held: 'Email to confirm', pending: 'To handle', confirmed: 'Confirmed', fulfilled: 'Fulfilled', declined: 'Declined', withdrawn: 'Withdrawn', expired: 'Expired' },
    hours: 'hours',
    people: 'people',
    dollars: '$ CAD',
    yes: 'yes',
    no: 'no',
    erased: '(erased)',
    lang: { fr: 'French', en: 'English' },
  },
} satisfies Record<Lang, { status: Record<PledgeStatus, string> } & Record<string, unknown>>;

/** A day and time as Montréal reads it, sortable: 2026-11-30 14:05. */
const when = (timestamp: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'America/Toronto', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(timestamp));

/** A pledge's quantity and unit as a person reads them: hours, people, the material's unit, or dollars. */
export function quantityOf(p: Pick<OrganizationPledge, 'category' | 'quantity' | 'unit'>, lang: Lang): [Cell, string] {
  const w = words[lang];
  if (p.category === 'financial') return [dollars(p.quantity), w.dollars];
  if (p.unit === 'hours' || p.unit === 'people') return [p.quantity, w[p.unit]];
  return [p.quantity, p.unit ? pick(p.unit, lang) : ''];
}

export function pledgesCsv(items: readonly OrganizationPledge[], lang: Lang): Cell[][] {
  const w = words[lang];
  return [
    w.pledges,
    ...items.map((p) => [
      when(p.createdAt),
      w.status[p.status],
      pick(p.projectTitle, lang),
      pick(p.needTitle, lang),
      ...quantityOf(p, lang),
      p.contact?.name ?? w.erased,
      p.contact?.email ?? '',
      p.consent.updates ? w.yes : w.no,
      p.consent.version,
      when(p.consent.at),
      p.message,
      p.declineReason,
    ]),
  ];
}

export function registrationsCsv(items: readonly EventRegistration[], lang: Lang): Cell[][] {
  const w = words[lang];
  return [
    w.registrations,
    ...items.map((r) => [when(r.createdAt), r.contact?.name ?? w.erased, r.contact?.email ?? '', r.seats, w.lang[r.lang], r.consent.updates ? w.yes : w.no, r.consent.version]),
  ];
}
