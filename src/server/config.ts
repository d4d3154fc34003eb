import { z } from 'zod';

/** Everything the server reads from its environment, validated once at boot. */
export interface Config {
  /** PostgreSQL connection string; when unset the embedded PGlite database is used. */
  databaseUrl: string | undefined;
  /** Folder of the embedded database. */
  dataDir: string;
  port: number;
  host: string;
}

const configSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'must be a PostgreSQL URL such as postgres://user@host:5432/database')
    .optional(),
  DATA_DIR: z.string().trim().min(1, 'must name a folder').default('./data'),
  PORT: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1).max(65535).default(3000),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
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
  return {
    databaseUrl: result.data.DATABASE_URL,
    dataDir: result.data.DATA_DIR,
    port: result.data.PORT,
    host: result.data.HOST,
  };
}
