import type { MiddlewareHandler } from 'hono';
import type { Clock } from '../../../domain/clock.ts';
import type { Actor } from '../../audit/record-audit-events.ts';
import { findScimToken } from '../../auth/scim-token-secrets.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { localize } from '../../messages/messages.ts';
import { ScimError } from './scim-errors.ts';

/**
 * Who is calling /scim/v2: the directory of one tenant, through one of its SCIM tokens. Every
 * use case of the feature takes this instead of an `Access`: the directory is no person and
 * holds no role; its token reaches its own tenant's people and groups, and nothing else.
 */
export interface ScimCaller {
  tenantId: string;
  tokenId: string;
  /** The audit log's actor: the system, labelled "scim" (never the token). */
  actor: Actor;
  /** The request's moment by the server's clock. */
  now: Date;
}

/** What the SCIM router's handlers reach through the context. */
export interface ScimEnv {
  Variables: {
    database: DatabaseHandle;
    clock: Clock;
    scim: ScimCaller;
  };
}

/** The label of every audit event SCIM writes. */
export const SCIM_ACTOR_LABEL = 'scim';

/**
 * Finds the tenant from `Authorization: Bearer scim_…`. A missing, unknown or revoked token is
 * 401 and a suspended tenant's 403, before anything is read or written; neither sessions nor
 * API tokens count here.
 */
export function authenticateScim(): MiddlewareHandler<ScimEnv> {
  return async (c, next) => {
    const now = c.get('clock').now();
    const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
    const token = match ? await findScimToken(c.get('database').db, match[1]!, now) : null;
    if (!token)
      throw new ScimError(
        401,
        localize((m) => m.scim.invalidToken),
      );
    if (token.tenantSuspended)
      throw new ScimError(
        403,
        localize((m) => m.scim.tenantSuspended),
      );
    c.set('scim', {
      tenantId: token.tenantId,
      tokenId: token.id,
      actor: { kind: 'system', tenantId: token.tenantId, label: SCIM_ACTOR_LABEL },
      now,
    });
    await next();
  };
}
