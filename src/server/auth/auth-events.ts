import type { Database, Transaction } from '../db/client.ts';
import type { AuditChanges } from '../db/schema/audit-events.ts';
import { recordAuditEvents, type Actor } from '../audit/record-audit-events.ts';

/**
 * The authentication events the audit log keeps, each about one person (entity type "user").
 * Unknown addresses are not recorded: they belong to no tenant.
 */
export type AuthEventOperation =
  | 'sign_in'
  | 'sign_in_failed'
  | 'sign_in_refused_sso_required'
  | 'sso_sign_in'
  | 'second_factor_enabled'
  | 'second_factor_disabled'
  | 'second_factor_failed'
  | 'recovery_code_used'
  | 'recovery_codes_regenerated';

/** What acted in an event whose person has not (yet) proved who they are: the sign-in itself. */
export const SIGN_IN_ACTOR_LABEL = 'sign-in';

export interface AuthEvent {
  tenantId: string;
  /** The person the event is about. */
  userId: string;
  operation: AuthEventOperation;
  /**
   * Facts about the event, e.g. `{ method: 'password' }`, `{ reason: 'wrong_code' }`, each
   * recorded as [null, value]. Never a secret: fields named like one are redacted regardless.
   */
  details?: Record<string, unknown>;
  /**
   * Who acted. By default the person, who proved who they are; for a failure, where nobody
   * proved anything, pass `'sign-in'` and the event names the sign-in as its actor.
   */
  actor?: 'person' | 'sign-in' | Actor;
}

/**
 * Writes one authentication event (sign-in, failure, SSO, second factor …) to the audit log.
 * Give it the transaction of the change it belongs to, or the database for an event that stands
 * alone (a failure, which must stay recorded whatever happens next).
 */
export async function recordAuthEvent(db: Database | Transaction, event: AuthEvent): Promise<void> {
  const actor: Actor =
    event.actor === undefined || event.actor === 'person'
      ? { kind: 'user', tenantId: event.tenantId, userId: event.userId }
      : event.actor === 'sign-in'
        ? { kind: 'system', tenantId: event.tenantId, label: SIGN_IN_ACTOR_LABEL }
        : event.actor;
  const changes: AuditChanges = {};
  for (const [field, value] of Object.entries(event.details ?? {})) changes[field] = [null, value];
  // recordAuditEvents only inserts: outside a transaction the event is its own statement.
  await recordAuditEvents(db as Transaction, actor, [
    { entityType: 'user', entityId: event.userId, operation: event.operation, unitId: null, changes },
  ]);
}
