import { OpenAPIHono } from '@hono/zod-openapi';
import type { Clock } from '../../domain/clock.ts';
import type { Access } from '../access/access.ts';
import type { AuthSettings } from '../auth/auth-settings.ts';
import type { LinkMail } from '../auth/link-mail.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { localize } from '../messages/messages.ts';
import { fieldErrorsFromIssues } from './validation-messages.ts';

/** What every API handler can reach through the context. */
export interface ApiEnv {
  Variables: {
    database: DatabaseHandle;
    /** The server's one clock: every rule that needs "now" or "today" takes it from here. */
    clock: Clock;
    /** The sign-in and session policy (limits, session lifetimes, trusted proxies). */
    auth: AuthSettings;
    /** How one-time links are delivered by mail, if they are (decision 0010). */
    linkMail: LinkMail;
    /** Set by the authentication middleware on every route that needs a signed-in caller. */
    access: Access;
  };
}

/**
 * A router whose validation failures become problem+json naming each field. Every feature
 * creates its routes on one of these, so the whole API answers bad input the same way.
 */
export function createRouter() {
  return new OpenAPIHono<ApiEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      const detail =
        result.target === 'query'
          ? localize((m) => m.http.invalidQuery)
          : result.target === 'param'
            ? localize((m) => m.http.invalidAddress)
            : undefined;
      throw new AppError(
        'validation_failed',
        detail,
        fieldErrorsFromIssues(result.error.issues, (result as { data?: unknown }).data),
      );
    },
  });
}
