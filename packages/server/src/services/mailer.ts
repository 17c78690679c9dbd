import type { Database, Queryable } from '../db/database.ts';
import { newId, sha256 } from '../ids.ts';
import { enqueue } from '../worker/jobs.ts';
import type { Worker } from '../worker/worker.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Sends mail. Every email is a row of `mail_outbox`, written in the transaction of the write that sends it. */
export interface Mailer {
  /** `q` is the transaction of the write that sends it: no mail for a write that rolled back. */
  send(mail: Mail, q: Queryable): Promise<void>;
}

/** How mail leaves the node (SMTP); called by the worker after the write committed, never inside it. */
export interface MailTransport {
  deliver(mail: Mail): Promise<void>;
}

const MAIL_JOB = 'mail.deliver';

/** Emails to one address in any hour, past which the node sends it nothing more until the hour has slid past them (email bombing). */
export const MAIL_PER_RECIPIENT_PER_HOUR = 10;

/**
 * The outbox: without a transport it is all there is (the dev mailbox shows it); with one, each
 * row also gets a delivery job, so a refused or silent SMTP server never fails or slows a write.
 * Past `perRecipientPerHour` emails to an address in the last hour, `send` drops the email silently:
 * the request's answer must not tell whether mail went out. The hour slides: counts are kept per
 * minute and the window takes the 60 minutes before the current one too, so no 60 minutes ever
 * hold more than the cap.
 */
export function outboxMailer(transport?: MailTransport, perRecipientPerHour = MAIL_PER_RECIPIENT_PER_HOUR): Mailer {
  return {
    async send(mail, q) {
      const hash = sha256(mail.to.trim().toLowerCase());
      // One statement: this minute's count as the upsert leaves it (it waits for a concurrent send
      // to the same address), the earlier minutes of the window as the statement found them, and
      // the email kept only while the total is within the cap.
      const id = newId('mail');
      const kept = await q.query(
        `with bumped as (
           insert into mail_recipient_minutes (recipient_hash, minute, sent) values ($1, date_trunc('minute', now()), 1)
           on conflict (recipient_hash, minute) do update set sent = mail_recipient_minutes.sent + 1 returning sent, minute),
         counted as (
           select bumped.sent + coalesce((select sum(sent) from mail_recipient_minutes m
                                         where m.recipient_hash = $1 and m.minute >= bumped.minute - interval '1 hour' and m.minute < bumped.minute), 0) as sent
             from bumped)
         insert into mail_outbox (id, recipient, subject, body_text, body_html)
         select $2, $3, $4, $5, $6 from counted where counted.sent <= $7
         returning id`,
        [hash, id, mail.to, mail.subject, mail.text, mail.html ?? null, perRecipientPerHour],
        { prepared: true },
      );
      if (!kept.length) return;
      if (transport) await enqueue(q, MAIL_JOB, { id });
    },
  };
}

/** The worker's share of mail: counts are forgotten once they are out of every window. */
export function handleMailCounts(worker: Worker): void {
  worker.every('mail.forget-counts', 3_600_000, async ({ db, at }) => {
    await db.query('delete from mail_recipient_minutes where minute < $1', [new Date(at.getTime() - 2 * 3_600_000).toISOString()]);
  });
}

/** Delivers outbox rows with the transport, then clears their bodies: their links must not outlive the email. */
export function handleMailJobs(worker: Worker, db: Database, transport: MailTransport): void {
  worker.handle(MAIL_JOB, async ({ id }: { id: string }) => {
    const [mail] = await db.query<{ recipient: string; subject: string; body_text: string | null; body_html: string | null }>(
      'select recipient, subject, body_text, body_html from mail_outbox where id = $1 and sent_at is null',
      [id],
    );
    if (!mail || mail.body_text === null) return; // sent already, or erased since
    await transport.deliver({ to: mail.recipient, subject: mail.subject, text: mail.body_text, ...(mail.body_html ? { html: mail.body_html } : {}) });
    await db.query('update mail_outbox set sent_at = now(), body_text = null, body_html = null where id = $1', [id]);
  }, { maxAttempts: 12 });
}

export interface SmtpOptions {
  from?: string;
  /** Longest wait for the server at each step (connect, greeting, a reply), in ms. */
  timeoutMs?: number;
}

/** SMTP through nodemailer: `smtp://user:pass@host:587` (or smtps://). */
export async function smtpTransport(url: string, options: SmtpOptions = {}): Promise<MailTransport> {
  const { createTransport } = await import('nodemailer');
  const timeout = options.timeoutMs ?? 20_000;
  // nodemailer reads its options from the URL's query too: a silent server costs a bounded wait.
  const withTimeouts = new URL(url);
  for (const name of ['connectionTimeout', 'greetingTimeout', 'socketTimeout']) if (!withTimeouts.searchParams.has(name)) withTimeouts.searchParams.set(name, String(timeout));
  const transport = createTransport(withTimeouts.toString());
  const from = options.from ?? 'Perron <no-reply@localhost>';
  return {
    async deliver(mail) {
      await transport.sendMail({ from, ...mail });
    },
  };
}
