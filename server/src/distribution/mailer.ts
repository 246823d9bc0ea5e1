import nodemailer, { type Transporter } from 'nodemailer';
import type { OutboxDoc } from '../db/collections.ts';

export interface EmailPayload {
  to: string;
  subject: string;
  text: string;
  html: string;
  ics?: string;
}

/**
 * Sends outbox emails through SMTP. Without SMTP_URL nothing can be sent: messages stay queued
 * (and are delivered once a transport is configured and the server restarts).
 */
export function createMailer(smtpUrl: string | null, from: string) {
  const transport: Transporter | null = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
  return {
    configured: transport !== null,
    async deliver(doc: OutboxDoc): Promise<void> {
      if (!transport) throw new Error('SMTP is not configured (SMTP_URL)');
      const p = doc.payload as unknown as EmailPayload;
      await transport.sendMail({
        from,
        to: p.to,
        subject: p.subject,
        text: p.text,
        html: p.html,
        // The Message-ID is stable, so a retried send is recognisable as the same message.
        messageId: `<${doc.key.replace(/[^\w.-]/g, '.')}@e-cabinet>`,
        ...(p.ics ? { icalEvent: { method: 'REQUEST', filename: 'invitation.ics', content: p.ics } } : {}),
      });
    },
    close(): void {
      transport?.close();
    },
  };
}
