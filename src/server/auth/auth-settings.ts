import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Config } from '../config.ts';

/** How long a browser session lives: idle time slides with use, the maximum counts from sign-in. */
export interface SessionLifetime {
  idleMs: number;
  maxMs: number;
}

/** How many sign-ins may fail within the window before further ones are refused. */
export interface SignInLimits {
  perAccount: number;
  perAddress: number;
  windowMs: number;
}

/** The server's sign-in and session policy, from the configuration. */
export interface AuthSettings {
  /** Reverse proxies in front of the server that append to X-Forwarded-For; 0 ignores the header. */
  trustProxy: number;
  session: SessionLifetime;
  signIn: SignInLimits;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** The defaults: no proxy, 8 hours idle, 7 days at most, 10 failures per account and 100 per address in 15 minutes. */
export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  trustProxy: 0,
  session: { idleMs: 8 * HOUR_MS, maxMs: 7 * 24 * HOUR_MS },
  signIn: { perAccount: 10, perAddress: 100, windowMs: 15 * MINUTE_MS },
};

/** The settings the configuration asks for. */
export function authSettingsFrom(
  config: Pick<Config, 'trustProxy' | 'sessionIdleMinutes' | 'sessionMaxHours' | 'signInLimitPerAddress'>,
): AuthSettings {
  return {
    trustProxy: config.trustProxy,
    session: { idleMs: config.sessionIdleMinutes * MINUTE_MS, maxMs: config.sessionMaxHours * HOUR_MS },
    signIn: { ...DEFAULT_AUTH_SETTINGS.signIn, perAddress: config.signInLimitPerAddress },
  };
}

/**
 * The caller's IP address: from X-Forwarded-For only when the server is told it sits behind
 * that many proxies (each appends the address it saw, so the entry `trustProxy` from the end
 * is the one the outermost trusted proxy wrote; anything left of it the client may have made
 * up), otherwise the socket's. Null when there is no socket (in-process requests in tests).
 */
export function clientAddress(c: Context, trustProxy: number): string | null {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: with trustProxy 0 the entry read is hops[hops.length], undefined, so the socket's address is used either way.
  if (trustProxy > 0) {
    const hops = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((hop) => hop.trim())
      .filter((hop) => hop !== '');
    const entry = hops[Math.max(0, hops.length - trustProxy)];
    if (entry) return entry;
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}
