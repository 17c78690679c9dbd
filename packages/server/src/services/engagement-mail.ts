import type { Event, Lang } from '@perron/contract';
import { html, type SafeHtml } from '../pages/html.ts';
import type { Mail } from './mailer.ts';
import { formatWhen, formatWhere, localized } from './event-text.ts';

/** Paragraphs of text, the same as HTML with escaped text and clickable links. */
function compose(to: string, subject: string, paragraphs: (string | { link: string })[]): Mail {
  const text = paragraphs.map((p) => (typeof p === 'string' ? p : p.link)).join('\n\n');
  const body: SafeHtml[] = paragraphs.map((p) =>
    typeof p === 'string' ? html`<p>${p.split('\n').map((line, i) => (i ? [html`<br>`, line] : line))}</p>` : html`<p><a href="${p.link}">${p.link}</a></p>`,
  );
  return { to, subject, text: `${text}\n`, html: html`<!doctype html><html><body>${body}</body></html>`.value };
}

export function confirmationLink(baseUrl: string, token: string): string {
  return `${baseUrl}/confirm/${token}`;
}

/** The link that makes a vote count. */
export function voteMail(a: { to: string; ideaTitle: string; link: string; lang: Lang }): Mail {
  return a.lang === 'fr'
    ? compose(a.to, `Confirmez votre appui à « ${a.ideaTitle} »`, [
        'Bonjour,',
        `Vous avez appuyé l’idée « ${a.ideaTitle} ». Pour que votre appui soit compté, confirmez-le en suivant ce lien (valable 7 jours) :`,
        { link: a.link },
        'Si vous n’avez pas appuyé cette idée, ignorez ce courriel : rien ne sera compté.',
      ])
    : compose(a.to, `Confirm your support for “${a.ideaTitle}”`, [
        'Hello,',
        `You supported the idea “${a.ideaTitle}”. For your support to count, confirm it by following this link (valid for 7 days):`,
        { link: a.link },
        'If you did not support this idea, ignore this email: nothing will be counted.',
      ]);
}

/** The link that makes a project's support count: the organization's name and title, never what was typed. */
export function supportMail(a: { to: string; projectTitle: { fr: string; en?: string | undefined }; organizationName: string; link: string; lang: Lang }): Mail {
  const title = localized(a.projectTitle, a.lang);
  return a.lang === 'fr'
    ? compose(a.to, `Confirmez votre appui à « ${title} »`, [
        'Bonjour,',
        `Vous avez appuyé le projet « ${title} » de ${a.organizationName}. Pour que votre appui soit compté, confirmez-le en suivant ce lien (valable 7 jours) :`,
        { link: a.link },
        'Si vous n’avez pas appuyé ce projet, ignorez ce courriel : rien ne sera compté.',
      ])
    : compose(a.to, `Confirm your support for “${title}”`, [
        'Hello,',
        `You supported the project “${title}” by ${a.organizationName}. For your support to count, confirm it by following this link (valid for 7 days):`,
        { link: a.link },
        'If you did not support this project, ignore this email: nothing will be counted.',
      ]);
}

/**
 * The link that sends a proposed idea to its curator. Neither its title nor the author's name: the address
 * is not confirmed, and anyone could otherwise send any text to anyone through the node.
 */
export function ideaMail(a: { to: string; link: string; lang: Lang }): Mail {
  return a.lang === 'fr'
    ? compose(a.to, 'Confirmez votre idée', [
        'Bonjour,',
        `Merci d’avoir proposé une idée. Confirmez votre adresse en suivant ce lien (valable 7 jours) : l’équipe de la communauté la lira, puis la publiera pour que chacun puisse l’appuyer.`,
        { link: a.link },
        'Si vous n’avez rien proposé, ignorez ce courriel : l’idée ne sera pas publiée.',
      ])
    : compose(a.to, 'Confirm your idea', [
        'Hello,',
        `Thank you for proposing an idea. Confirm your address by following this link (valid for 7 days): the community’s team will read it, then publish it for everyone to support.`,
        { link: a.link },
        'If you did not propose anything, ignore this email: the idea will not be published.',
      ]);
}

/** A curator's decision on an idea, to its author (whose address the idea's link confirmed). */
export function ideaDecisionMail(a: { to: string; ideaTitle: string; published: boolean; lang: Lang; myDataUrl: string }): Mail {
  if (a.lang === 'fr') {
    return a.published
      ? compose(a.to, `Votre idée est publiée : « ${a.ideaTitle} »`, [
          'Bonjour,',
          `L’équipe de la communauté a publié votre idée « ${a.ideaTitle} » : chacun peut maintenant la lire et l’appuyer.`,
          'Consultez, téléchargez ou effacez ce que ce site garde à votre sujet :',
          { link: a.myDataUrl },
        ])
      : compose(a.to, `Votre idée n’est pas publiée : « ${a.ideaTitle} »`, [
          'Bonjour,',
          `L’équipe de la communauté a lu votre idée « ${a.ideaTitle} » et ne la publiera pas. Merci d’avoir pris le temps de la proposer.`,
          'Consultez, téléchargez ou effacez ce que ce site garde à votre sujet :',
          { link: a.myDataUrl },
        ]);
  }
  return a.published
    ? compose(a.to, `Your idea is published: “${a.ideaTitle}”`, [
        'Hello,',
        `The community’s team published your idea “${a.ideaTitle}”: everyone can now read and support it.`,
        'See, download or erase what this site keeps about you:',
        { link: a.myDataUrl },
      ])
    : compose(a.to, `Your idea is not published: “${a.ideaTitle}”`, [
        'Hello,',
        `The community’s team read your idea “${a.ideaTitle}” and will not publish it. Thank you for taking the time to propose it.`,
        'See, download or erase what this site keeps about you:',
        { link: a.myDataUrl },
      ]);
}

/** What a person who registered keeps: when, where, and the event for their calendar (not their name: the address is unconfirmed). */
export function registrationMail(a: { to: string; seats: number; event: Event; baseUrl: string; lang: Lang; cancelUrl: string; myDataUrl: string }): Mail {
  const { event, lang } = a;
  const title = localized(event.title, lang);
  const ics = `${a.baseUrl}/v1/events/${encodeURIComponent(event.id)}.ics`;
  return lang === 'fr'
    ? compose(a.to, `Inscription confirmée : ${title}`, [
        'Bonjour,',
        `Votre inscription à « ${title} » est confirmée (${a.seats} ${a.seats > 1 ? 'places' : 'place'}).`,
        `Quand : ${formatWhen(event, lang)}\nOù : ${formatWhere(event, lang)}\nOrganisé par : ${event.organization.name}`,
        'Ajoutez l’événement à votre calendrier :',
        { link: ics },
        'Tous les détails :',
        { link: event.url },
        `${event.organization.name} a reçu votre nom et votre courriel uniquement pour organiser cet événement.`,
        'Vous ne pourrez pas venir ? Annulez votre inscription pour libérer votre place :',
        { link: a.cancelUrl },
        'Consultez, téléchargez ou effacez ce que ce site garde à votre sujet :',
        { link: a.myDataUrl },
      ])
    : compose(a.to, `Registration confirmed: ${title}`, [
        'Hello,',
        `Your registration for “${title}” is confirmed (${a.seats} ${a.seats > 1 ? 'seats' : 'seat'}).`,
        `When: ${formatWhen(event, lang)}\nWhere: ${formatWhere(event, lang)}\nOrganized by: ${event.organization.name}`,
        'Add the event to your calendar:',
        { link: ics },
        'All the details:',
        { link: event.url },
        `${event.organization.name} received your name and email only to organize this event.`,
        'Can’t make it? Cancel your registration to free your seat:',
        { link: a.cancelUrl },
        'See, download or erase what this site keeps about you:',
        { link: a.myDataUrl },
      ]);
}

/** Sent to every registrant when the organization cancels the event, with its reason when given. */
/** Not their name: the address was never confirmed. */
export function cancellationMail(a: { to: string; event: Event; reason: string | null; lang: Lang }): Mail {
  const { event, lang } = a;
  const title = localized(event.title, lang);
  return lang === 'fr'
    ? compose(a.to, `Événement annulé : ${title}`, [
        'Bonjour,',
        `${event.organization.name} a annulé « ${title} », prévu le ${formatWhen(event, lang)}. Votre inscription n’a plus d’effet : vous n’avez rien à faire.`,
        ...(a.reason ? [`Son message : ${a.reason}`] : []),
        'Si vous l’aviez ajouté à votre calendrier, il y sera marqué comme annulé à la prochaine mise à jour :',
        { link: event.url },
      ])
    : compose(a.to, `Event cancelled: ${title}`, [
        'Hello,',
        `${event.organization.name} cancelled “${title}”, planned for ${formatWhen(event, lang)}. Your registration no longer applies: there is nothing for you to do.`,
        ...(a.reason ? [`Their message: ${a.reason}`] : []),
        'If you added it to your calendar, it will show as cancelled at its next update:',
        { link: event.url },
      ]);
}
