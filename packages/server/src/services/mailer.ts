import type { Queryable } from '../db/database.ts';
import { newId } from '../ids.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Sends mail. The default writes to the outbox that /dev/mail shows, so every flow works offline. */
export interface Mailer {
  /** `q` is the transaction of the write that sends it: no mail for a write that rolled back. */
  send(mail: Mail, q: Queryable): Promise<void>;
}

export const outboxMailer: Mailer = {
  async send(mail, q) {
    await q.query('insert into mail_outbox (id, recipient, subject, body_text, body_html) values ($1, $2, $3, $4, $5)', [
      newId('mail'),
      mail.to,
      mail.subject,
      mail.text,
      mail.html ?? null,
    ]);
  },
};

/** SMTP through nodemailer when SMTP_URL is set (smtp://user:pass@host:587). */
export async function smtpMailer(url: string, from: string): Promise<Mailer> {
  const { createTransport } = await import('nodemailer');
  const transport = createTransport(url);
  return {
    async send(mail, q) {
      await outboxMailer.send(mail, q); // the outbox stays the record of what was sent
      await transport.sendMail({ from, ...mail });
    },
  };
}
