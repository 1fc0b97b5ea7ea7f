import type { AddressInfo } from 'node:net';
import { after, before } from 'node:test';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  data: string;
}

/** What `smtpServer()` gives a test file: the port, the mails received, and a way to wait for one. */
export interface TestSmtp {
  readonly port: number;
  readonly received: ReceivedMail[];
  /** Resolves with the next mail (its raw data) that reaches `to`. */
  nextMailTo(to: string): Promise<string>;
  /** SMTP_* settings for loadConfig or a server's env (once the server listens: see `ready`). */
  env(): Record<string, string>;
  /** Resolves when the server listens (node's root-level `before` hooks run concurrently). */
  ready(): Promise<void>;
}

/** A real SMTP server on loopback for the whole test file (before/after hooks registered here). */
export function smtpServer(): TestSmtp {
  const received: ReceivedMail[] = [];
  const waiting: { to: string; resolve: (data: string) => void }[] = [];
  let server: SMTPServer;
  let port = 0;
  let listening!: () => void;
  const ready = new Promise<void>((resolve) => (listening = resolve));
  before(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, done) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
        stream.on('end', () => {
          const mail = { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data };
          received.push(mail);
          for (const w of waiting.filter((w) => mail.to.includes(w.to))) {
            waiting.splice(waiting.indexOf(w), 1);
            w.resolve(data);
          }
          done();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    port = (server.server.address() as AddressInfo).port;
    listening();
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return {
    get port() {
      return port;
    },
    received,
    nextMailTo: (to) => new Promise<string>((resolve) => waiting.push({ to, resolve })),
    ready: () => ready,
    env: () => ({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_FROM: 'ikon <noreply@musterland.example>' }),
  };
}

/** Quoted-printable soft line breaks and =XX escapes undone, enough to read a mail. */
export const decodedMail = (data: string) =>
  Buffer.from(data.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
