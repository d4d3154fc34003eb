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
  /** The largest evidence file (underlag) one may upload, in bytes (ATTACHMENT_MAX_MB, 25 by default). */
  attachmentMaxBytes: number;
  /**
   * S3-compatible object storage for evidence files, when S3_BUCKET is set (for several app
   * instances and large volumes); unset, files are kept in the database so one backup holds everything.
   */
  objectStorage: ObjectStorageConfig | undefined;
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
  /**
   * The moment the server's clock starts at (CLOCK_START, ISO 8601), from which it runs on in
   * real time; unset: the system clock. For demonstrations and the browser tests, which must not
   * depend on the real date; never for production.
   */
  clockStart: Date | undefined;
}

/** Where evidence files go when they are not kept in the database. Never logged whole: it holds a secret. */
export interface ObjectStorageConfig {
  /** e.g. https://s3.kommun.se; unset: the provider's own (AWS) endpoint for the region. */
  endpoint: string | undefined;
  region: string;
  bucket: string;
  /** Unset (with the secret): the SDK's own credential chain (AWS_ACCESS_KEY_ID, an instance role …). */
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  /** Bucket in the path (http://host/bucket/key) rather than the host name: most self-hosted servers want it. */
  forcePathStyle: boolean;
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
  ATTACHMENT_MAX_MB: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1)
    .max(2000)
    .default(25),
  S3_ENDPOINT: z
    .string()
    .trim()
    .regex(
      /^https?:\/\/[^\s/?#@]+(\/[^\s?#]*)?$/,
      'must be an address such as https://s3.kommun.se, without credentials',
    )
    .transform((value) => value.replace(/\/+$/, ''))
    .optional(),
  S3_REGION: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,64}$/i, 'must be a region name such as eu-north-1')
    .default('us-east-1'),
  S3_BUCKET: z
    .string()
    .trim()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      'must be a bucket name: 3–63 lower-case letters, digits, dots and hyphens',
    )
    .optional(),
  S3_ACCESS_KEY_ID: z.string().trim().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().trim().min(1).optional(),
  S3_FORCE_PATH_STYLE: z
    .string()
    .trim()
    .regex(/^(true|false)$/i, 'must be true or false')
    .default('false')
    .transform((value) => value.toLowerCase() === 'true'),
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
  CLOCK_START: z
    .string()
    .trim()
    .regex(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/,
      'must be a moment such as 2026-06-15T10:00:00Z',
    )
    .refine((value) => !Number.isNaN(Date.parse(value)), 'must be a moment such as 2026-06-15T10:00:00Z')
    .transform((value) => new Date(value))
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
  const objectStorage = objectStorageFrom(result.data, env);
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
    attachmentMaxBytes: result.data.ATTACHMENT_MAX_MB * 1024 * 1024,
    objectStorage,
    frameAncestors: result.data.FRAME_ANCESTORS,
    publicUrl: result.data.PUBLIC_URL ?? ownAddress(result.data.HOST, result.data.PORT),
    serverKey: result.data.SERVER_KEY,
    clockStart: result.data.CLOCK_START,
  };
}

/**
 * The object storage settings: S3_BUCKET turns them on; the other S3_ variables without it, or
 * one half of the key pair, are mistakes. The problems name the variables, never their values.
 */
function objectStorageFrom(
  data: z.infer<typeof configSchema>,
  env: NodeJS.ProcessEnv,
): ObjectStorageConfig | undefined {
  const given = (key: string) => env[key] !== undefined && env[key] !== '';
  if (data.S3_BUCKET === undefined) {
    const stray = [
      'S3_ENDPOINT',
      'S3_REGION',
      'S3_ACCESS_KEY_ID',
      'S3_SECRET_ACCESS_KEY',
      'S3_FORCE_PATH_STYLE',
    ].filter(given);
    if (stray.length > 0)
      throw new ConfigError(stray.map((key) => `${key}: needs S3_BUCKET, the bucket evidence files go to`));
    return undefined;
  }
  if ((data.S3_ACCESS_KEY_ID === undefined) !== (data.S3_SECRET_ACCESS_KEY === undefined)) {
    throw new ConfigError([
      `${data.S3_ACCESS_KEY_ID === undefined ? 'S3_ACCESS_KEY_ID' : 'S3_SECRET_ACCESS_KEY'}: must be set together with ${data.S3_ACCESS_KEY_ID === undefined ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID'}`,
    ]);
  }
  return {
    endpoint: data.S3_ENDPOINT,
    region: data.S3_REGION,
    bucket: data.S3_BUCKET,
    accessKeyId: data.S3_ACCESS_KEY_ID,
    secretAccessKey: data.S3_SECRET_ACCESS_KEY,
    forcePathStyle: data.S3_FORCE_PATH_STYLE,
  };
}
