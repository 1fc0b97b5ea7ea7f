import type { Transporter } from 'nodemailer';
import type { SmtpConfig } from '../../config.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Whether mails can go out at all (an SMTP server is configured). */
  readonly enabled: boolean;
  /** True when the mail went to an SMTP server; false when none is configured (the caller shows it instead). */
  send(mail: Mail): Promise<boolean>;
}

export function createMailer(smtp: SmtpConfig | undefined): Mailer {
  if (!smtp) return { enabled: false, send: async () => false };
  // nodemailer loads with the first mail: a server without mail never holds it (issue 9: memory).
  let transport: Promise<Transporter> | undefined;
  const connect = async () =>
    (await import('nodemailer')).default.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      auth: smtp.user ? { user: smtp.user, pass: smtp.password } : undefined,
    });
  return {
    enabled: true,
    async send(mail) {
      await (await (transport ??= connect())).sendMail({ from: smtp.from, ...mail });
      return true;
    },
  };
}
