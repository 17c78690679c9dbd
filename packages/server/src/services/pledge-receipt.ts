import { consentNotice, type Lang, type LocalizedText, type NeedCategory } from '@perron/contract';
import { dateTimeFormat, numberFormat } from './intl.ts';
import type { Mail } from './mailer.ts';
import type { Collection } from './payments.ts';

export interface Receipt {
  to: string;
  lang: Lang;
  organizationName: string;
  projectTitle: LocalizedText;
  needTitle: LocalizedText;
  category: NeedCategory;
  unit: 'hours' | 'people' | null;
  unitLabel: LocalizedText | null;
  quantity: number;
  collection: Collection | null;
  withdrawUrl: string;
  /** The person's "my data" page, opened by the same token. */
  myDataUrl: string;
}

const pick = (text: LocalizedText, lang: Lang) => (lang === 'en' ? (text.en ?? text.fr) : text.fr);

/** "3 heures", "2 people", "40 sacs de terreau", "50,00 $". */
export function describeQuantity(r: Pick<Receipt, 'category' | 'unit' | 'unitLabel' | 'quantity' | 'lang'>): string {
  const locale = r.lang === 'en' ? 'en-CA' : 'fr-CA';
  if (r.category === 'financial') return numberFormat(locale, { style: 'currency', currency: 'CAD' }).format(r.quantity / 100);
  const n = numberFormat(locale).format(r.quantity);
  if (r.category === 'material') return `${n} ${r.unitLabel ? pick(r.unitLabel, r.lang) : ''}`.trim();
  const one = r.quantity === 1;
  const unit = {
    fr: r.unit === 'people' ? (one ? 'personne' : 'personnes') : one ? 'heure' : 'heures',
    en: r.unit === 'people' ? (one ? 'person' : 'people') : one ? 'hour' : 'hours',
  };
  return `${n} ${unit[r.lang]}`;
}

/**
 * The email a pledger receives once the pledge counts (its email confirmed, or entered by the
 * organization): what they promised, what happens next, how to withdraw. Nothing the request
 * typed (the name, the message) is in it: an organization's entry is not confirmed by its owner.
 */
export function receiptMail(r: Receipt): Mail {
  const project = pick(r.projectTitle, r.lang);
  const need = pick(r.needTitle, r.lang);
  const what = describeQuantity(r);
  const collection = r.collection ? [pick(r.collection.instructions, r.lang), ...(r.collection.url ? [r.collection.url] : [])] : [];
  const rights = pick(consentNotice.rights, r.lang);
  const lines =
    r.lang === 'en'
      ? [
          'Hello,',
          '',
          `Thank you! Your pledge to “${need}” (${what}) for the project “${project}” is recorded. ${r.organizationName} will get in touch to organize it.`,
          ...(collection.length ? ['', ...collection] : []),
          '',
          `Changed your mind? Withdraw your pledge here: ${r.withdrawUrl}`,
          '',
          rights,
          `See, download or erase your data: ${r.myDataUrl}`,
        ]
      : [
          'Bonjour,',
          '',
          `Merci ! Votre engagement pour « ${need} » (${what}) au projet « ${project} » est enregistré. ${r.organizationName} vous écrira pour l’organiser.`,
          ...(collection.length ? ['', ...collection] : []),
          '',
          `Vous changez d’avis ? Retirez votre engagement ici : ${r.withdrawUrl}`,
          '',
          rights,
          `Consultez, téléchargez ou effacez vos données : ${r.myDataUrl}`,
        ];
  return {
    to: r.to,
    subject: r.lang === 'en' ? `Your pledge to “${project}”` : `Votre engagement pour « ${project} »`,
    text: lines.join('\n'),
  };
}

/** Sent when the organization declines a pledge: what it was, and the reason the organization gave. */
export function declineMail(r: Pick<Receipt, 'to' | 'lang' | 'organizationName' | 'projectTitle' | 'needTitle' | 'category' | 'unit' | 'unitLabel' | 'quantity'> & { reason: string | null }): Mail {
  const project = pick(r.projectTitle, r.lang);
  const need = pick(r.needTitle, r.lang);
  const what = describeQuantity(r);
  const lines =
    r.lang === 'en'
      ? [
          'Hello,',
          '',
          `${r.organizationName} could not accept your pledge to “${need}” (${what}) for the project “${project}”. Thank you all the same for offering it.`,
          ...(r.reason ? ['', `Their message: ${r.reason}`] : []),
          '',
          'Nothing more will be asked of you for this pledge.',
        ]
      : [
          'Bonjour,',
          '',
          `${r.organizationName} ne peut pas retenir votre engagement pour « ${need} » (${what}) au projet « ${project} ». Merci quand même de l’avoir offert.`,
          ...(r.reason ? ['', `Son message : ${r.reason}`] : []),
          '',
          'Rien d’autre ne vous sera demandé pour cet engagement.',
        ];
  return {
    to: r.to,
    subject: r.lang === 'en' ? `Your pledge to “${project}” was declined` : `Votre engagement pour « ${project} » n’a pas été retenu`,
    text: lines.join('\n'),
  };
}

export interface HeldPledgeMail extends Omit<Receipt, 'collection' | 'withdrawUrl' | 'myDataUrl'> {
  heldUntil: Date;
  confirmUrl: string;
}

/**
 * The email a public pledge sends to an address no one has confirmed yet: only what the
 * organization wrote (its name, the project and the need) and the quantity, never the name or the
 * message that were typed, so that it can't carry someone else's words to a stranger.
 */
export function confirmPledgeMail(m: HeldPledgeMail): Mail {
  const project = pick(m.projectTitle, m.lang);
  const need = pick(m.needTitle, m.lang);
  const what = describeQuantity(m);
  const until = dateTimeFormat(m.lang === 'en' ? 'en-CA' : 'fr-CA', { timeStyle: 'short', timeZone: 'America/Toronto' }).format(m.heldUntil);
  const lines =
    m.lang === 'en'
      ? [
          'Hello,',
          '',
          `A pledge to “${need}” (${what}) for the project “${project}” of ${m.organizationName} was made with this address. For it to count, confirm it by following this link before ${until} (Eastern time):`,
          '',
          m.confirmUrl,
          '',
          'Until then the places are held for you. If you did not make this pledge, ignore this email: nothing will be counted, and the contact given will be erased.',
        ]
      : [
          'Bonjour,',
          '',
          `Un engagement pour « ${need} » (${what}) au projet « ${project} » de ${m.organizationName} a été fait avec cette adresse. Pour qu’il compte, confirmez-le en suivant ce lien avant ${until} (heure de l’Est) :`,
          '',
          m.confirmUrl,
          '',
          'D’ici là, les places vous sont réservées. Si vous n’avez pas fait cet engagement, ignorez ce courriel : rien ne sera compté et les coordonnées données seront effacées.',
        ];
  return {
    to: m.to,
    subject: m.lang === 'en' ? `Confirm your pledge to “${project}”` : `Confirmez votre engagement pour « ${project} »`,
    text: lines.join('\n'),
  };
}
