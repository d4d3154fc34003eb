import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message the test server accepted (answered 250), as it arrived. */
export interface AcceptedMessage {
  messageId: string | undefined;
  to: string[];
  subject: string | undefined;
  /** The plain-text body, decoded (quoted-printable or base64, as nodemailer chose). */
  text: string;
}

export interface TestSmtpServerOptions {
  /**
   * Called with the number of the DATA transfer (1, 2, …); true makes the server close that
   * connection in the middle of the transfer, without an answer: the message is not accepted.
   */
  dropTransfer?: (transfer: number) => boolean;
  /** Runs after a message has arrived whole and before the server accepts it, with the number of messages that arrived whole before it. */
  beforeAccepting?: (arrivedBefore: number) => Promise<void> | void;
}

/** The header of a raw message, unfolded. */
function header(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  return new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(head)?.[1]?.trim();
}

/** The body of a single-part message, decoded from its transfer encoding. */
function bodyText(raw: string): string {
  const separator = /\r?\n\r?\n/.exec(raw);
  const body = separator ? raw.slice(separator.index + separator[0].length) : '';
  const encoding = header(raw, 'Content-Transfer-Encoding')?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/**
 * A real SMTP server on a free port of 127.0.0.1 (no TLS, no authentication) that records
 * every message it accepts, and can drop connections in the middle of a transfer.
 */
export async function startTestSmtpServer(options: TestSmtpServerOptions = {}) {
  const accepted: AcceptedMessage[] = [];
  /** Message-IDs of the transfers the server dropped. */
  const dropped: (string | undefined)[] = [];
  let transfers = 0;
  let arrived = 0;
  const server: SMTPServer = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      transfers += 1;
      const chunks: Buffer[] = [];
      if (options.dropTransfer?.(transfers)) {
        stream.once('data', (chunk: Buffer) => {
          dropped.push(header(chunk.toString('utf8'), 'Message-ID'));
          const connection = [...server.connections].find((candidate) => candidate.id === session.id);
          connection?._socket.destroy();
        });
        stream.on('error', () => {});
        stream.resume();
        return;
      }
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        arrived += 1;
        void Promise.resolve(options.beforeAccepting?.(arrived - 1)).then(
          () => {
            accepted.push({
              messageId: header(raw, 'Message-ID'),
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              subject: header(raw, 'Subject'),
              text: bodyText(raw).replace(/\r\n/g, '\n'),
            });
            callback();
          },
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
      });
    },
  });
  // The connections dropped on purpose end with socket errors; they are the test, not a failure.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted,
    dropped,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
