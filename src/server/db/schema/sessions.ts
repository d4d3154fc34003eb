import { pgTable, text, timestamp, uuid, primaryKey, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { tenantKey, tenantReference } from './columns.ts';
import { users } from './users.ts';
import { identityProviders } from './identity-providers.ts';

/**
 * A signed-in browser. The cookie holds a random secret; only its SHA-256 is stored, so a
 * copy of the database cannot be used to sign in. Kept in the database so that several
 * app instances share them. `csrfToken` must accompany every write made with the cookie.
 */
export const sessions = pgTable(
  'sessions',
  {
    ...tenantKey(),
    userId: uuid().notNull(),
    secretHash: text().notNull(),
    csrfToken: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** The identity provider the person signed in through; null for a password. Sign-out then ends the provider's session too. */
    providerId: uuid(),
    /** Set at sign-out; a revoked session is never accepted again. */
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('sessions_user_fk', t, t.userId, users),
    tenantReference('sessions_provider_fk', t, t.providerId, identityProviders),
    uniqueIndex('sessions_secret_key').on(t.secretHash),
    index('sessions_user_idx').on(t.tenantId, t.userId),
  ],
);
