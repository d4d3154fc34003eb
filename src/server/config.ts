import { z } from 'zod';

/** Everything the server reads from its environment, validated once at boot. */
export interface Config {
  /** PostgreSQL connection string; when unset the embedded PGlite database is used. */
  databaseUrl: string | undefined;
  /** Folder of the embedded database. */
  dataDir: string;
  port: number;
  host: string;
  /** Mail: SMTP server URL (smtp:// or smtps://); unset keeps every message in the outbox. */
  smtpUrl: string | undefined;
  /** The sender of Uppsikt's e-mail. */
  mailFrom: string;
  /** Days before a deadline at which the weekly digest reminds, e.g. [28, 7]; overdue items are always in it. */
  reminderLeadDays: number[];
  /** How often the job runner looks for work, in seconds; 0 turns it off. */
  jobIntervalSeconds: number;
  /**
   * How many reverse proxies in front of the server append to X-Forwarded-For; 0 (the default)
   * ignores the header and takes the client's address from the socket.
   */
  trustProxy: number;
  /** A session ends after this many minutes without use. */
  sessionIdleMinutes: number;
  /** A session ends this many hours after sign-in, however busy. */
  sessionMaxHours: number;
  /** Failed sign-ins from one client address within 15 minutes before further ones are refused. */
  signInLimitPerAddress: number;
  /** The largest file a plan import takes, in bytes (IMPORT_MAX_MB, 25 by default). */
  importMaxBytes: number;
  /** Who may show Uppsikt in a frame: the CSP frame-ancestors source list, "'none'" by default. */
  frameAncestors: string;
  /**
   * The address people open Uppsikt at (behind a proxy: the proxy's), without a trailing slash;
   * the links Uppsikt prints and mails start with it. By default the server's own address.
   */
  publicUrl: string;
  /**
   * The key links in e-mail are derived from (invitations, forgotten passwords), so that the
   * outbox never holds one; the same on every instance of one database. Unset with the embedded
   * database: a key kept in DATA_DIR. Unset with PostgreSQL: such links are not mailed.
   */
  serverKey: string | undefined;
}

/** The server's own address from HOST and PORT: localhost for all interfaces, IPv6 in brackets. */
function ownAddress(host: string, port: number): string {
  const name = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

/** A frame-ancestors source: none, self, or an origin such as https://intranat.kommun.se (a *. host allowed). */
const FRAME_SOURCE = /^(none|self|'none'|'self'|https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?)$/i;

const configSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'must be a PostgreSQL URL such as postgres://user@host:5432/database')
    .optional(),
  DATA_DIR: z.string().trim().min(1, 'must name a folder').default('./data'),
  PORT: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1).max(65535).default(3000),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  SMTP_URL: z
    .string()
    .trim()
    .regex(/^smtps?:\/\//, 'must be an SMTP URL such as smtp://user:password@mail.example.se:587')
    .optional(),
  MAIL_FROM: z.string().trim().min(3).default('Uppsikt <uppsikt@localhost>'),
  REMINDER_LEAD_DAYS: z
    .string()
    .trim()
    .regex(/^\d+(\s*,\s*\d+)*$/, 'must be days separated by commas, e.g. 28,7')
    .default('28,7')
    .transform((value) => [...new Set(value.split(',').map((day) => Number(day.trim())))].sort((a, b) => a - b)),
  FRAME_ANCESTORS: z
    .string()
    .trim()
    .default('none')
    .refine((value) => {
      const sources = value.split(/\s+/);
      return (
        sources.every((source) => FRAME_SOURCE.test(source)) &&
        (sources.length === 1 || !sources.some((source) => /none/i.test(source)))
      );
    }, "must be none, or origins separated by spaces such as 'self' https://intranat.kommun.se")
    .transform((value) =>
      value
        .split(/\s+/)
        .map((source) => (/^'?(none|self)'?$/i.test(source) ? `'${source.replace(/'/g, '').toLowerCase()}'` : source))
        .join(' '),
    ),
  JOB_INTERVAL_SECONDS: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(0)
    .max(86_400)
    .default(60),
  TRUST_PROXY: z
    .string()
    .trim()
    .regex(/^(true|false|\d{1,2})$/i, 'must be false, true (one proxy) or the number of proxies in front of the server')
    .default('false')
    .transform((value) => (value.toLowerCase() === 'true' ? 1 : value.toLowerCase() === 'false' ? 0 : Number(value))),
  SESSION_IDLE_MINUTES: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(5)
    .max(10_080)
    .default(480),
  SESSION_MAX_HOURS: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1)
    .max(8_760)
    .default(168),
  IMPORT_MAX_MB: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1)
    .max(500)
    .default(25),
  SIGN_IN_LIMIT_PER_ADDRESS: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(10)
    .max(100_000)
    .default(100),
  PUBLIC_URL: z
    .string()
    .trim()
    .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, 'must be an address such as https://uppsikt.kommun.se')
    .transform((value) => value.replace(/\/+$/, ''))
    .optional(),
  SERVER_KEY: z
    .string()
    .trim()
    .min(32, 'must be at least 32 characters, e.g. the output of: openssl rand -base64 32')
    .optional(),
});

/** Thrown when the environment is wrong; `problems` lists every one, not just the first. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration; an empty variable counts as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present: Record<string, string> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') present[key] = value;
  }
  const result = configSchema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  if (result.data.SESSION_IDLE_MINUTES > result.data.SESSION_MAX_HOURS * 60) {
    throw new ConfigError(['SESSION_IDLE_MINUTES: must not be longer than SESSION_MAX_HOURS']);
  }
  return {
    databaseUrl: result.data.DATABASE_URL,
    dataDir: result.data.DATA_DIR,
    port: result.data.PORT,
    host: result.data.HOST,
    smtpUrl: result.data.SMTP_URL,
    mailFrom: result.data.MAIL_FROM,
    reminderLeadDays: result.data.REMINDER_LEAD_DAYS,
    jobIntervalSeconds: result.data.JOB_INTERVAL_SECONDS,
    trustProxy: result.data.TRUST_PROXY,
    sessionIdleMinutes: result.data.SESSION_IDLE_MINUTES,
    sessionMaxHours: result.data.SESSION_MAX_HOURS,
    signInLimitPerAddress: result.data.SIGN_IN_LIMIT_PER_ADDRESS,
    importMaxBytes: result.data.IMPORT_MAX_MB * 1024 * 1024,
    frameAncestors: result.data.FRAME_ANCESTORS,
    publicUrl: result.data.PUBLIC_URL ?? ownAddress(result.data.HOST, result.data.PORT),
    serverKey: result.data.SERVER_KEY,
  };
}
