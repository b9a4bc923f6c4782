import type { Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Resolves to what the transport reported (the JSON message under `jsonTransport`). */
  send(mail: Mail): Promise<unknown>;
  readonly configured: boolean;
}

/**
 * With SMTP settings mail goes out through nodemailer; without them the message (a reset link)
 * is written to the log, which is what a laptop or workshop install needs.
 */
export function createMailer(config: Config, log: FastifyBaseLogger): Mailer {
  const options =
    config.mailTransport ??
    (config.smtp
      ? {
          host: config.smtp.host,
          port: config.smtp.port,
          secure: config.smtp.secure,
          auth: config.smtp.user ? { user: config.smtp.user, pass: config.smtp.pass } : undefined,
        }
      : undefined);
  if (!options) {
    return {
      configured: false,
      async send(mail) {
        log.warn(
          { mailTo: mail.to, subject: mail.subject, body: mail.text },
          'SMTP is not configured; mail written to the log',
        );
        return undefined;
      },
    };
  }
  // nodemailer loads with the first mail: most processes never send one (a few MB idle).
  let transport: Promise<Transporter> | undefined;
  const from = config.smtp?.from ?? 'Flow Forecaster <no-reply@localhost>';
  return {
    configured: true,
    async send(mail) {
      transport ??= import('nodemailer').then((m) => m.default.createTransport(options));
      return (await transport).sendMail({ from, ...mail });
    },
  };
}
