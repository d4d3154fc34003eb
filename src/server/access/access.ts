import { sql } from 'drizzle-orm';
import type { Role } from '../../domain/role.ts';
import { todayInSweden, type Clock } from '../../domain/clock.ts';
import { queryRows, type Database } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { localize } from '../messages/messages.ts';
import type { Actor } from '../audit/record-audit-events.ts';

/** Who is calling: a person through a browser session, or an integration through an API token. */
export interface Principal {
  tenantId: string;
  userId: string;
  via: 'session' | 'token';
  /** False for a read-only API token: it may read what its user may read, and write nothing. */
  mayWrite: boolean;
  tokenId?: string;
  /** The browser session, when the caller came with the session cookie. */
  sessionId?: string;
}

/** Roles that may change the plan data of a unit (plans, risks, controls, actions …). */
export const MANAGING_ROLES: readonly Role[] = ['administrator', 'coordinator'];

/** Roles that may archive and restore a unit's plan data: its managers. */
export const ARCHIVING_ROLES: readonly Role[] = MANAGING_ROLES;

const NOT_ALLOWED = localize((m) => m.access.roleDoesNotAllow);

/**
 * What one principal may do, on which units. A role assigned on a unit holds for the unit's
 * whole subtree; an auditor reads the whole tenant. Unreadable things are reported as not
 * found (404), so that nobody learns what exists outside their units; readable things that
 * may not be changed are forbidden (403).
 */
export class Access {
  constructor(
    readonly principal: Principal,
    /** Every unit the principal has a role on, directly or through an ancestor. */
    private readonly rolesByUnit: ReadonlyMap<string, ReadonlySet<Role>>,
    /** Units without a parent: an administrator there administers the tenant. */
    private readonly rootUnitIds: ReadonlySet<string>,
    /** The server's clock, passed down with the request: every rule that needs "now" or "today" takes it from here. */
    readonly clock: Clock,
  ) {}

  /** Today's date in Sweden for this request. */
  get today(): string {
    return todayInSweden(this.clock);
  }

  get tenantId(): string {
    return this.principal.tenantId;
  }

  get userId(): string {
    return this.principal.userId;
  }

  /** The actor recorded in the audit log: the person, and the API token when one was used. */
  get actor(): Actor {
    return this.principal.via === 'token'
      ? { kind: 'token', tenantId: this.tenantId, userId: this.userId, tokenId: this.principal.tokenId ?? null }
      : { kind: 'user', tenantId: this.tenantId, userId: this.userId };
  }

  get isAuditor(): boolean {
    return [...this.rolesByUnit.values()].some((roles) => roles.has('auditor'));
  }

  /** Administrator of a root unit: may change tenant-wide things (users, statuses, risk matrices, tokens). */
  get isTenantAdministrator(): boolean {
    return [...this.rootUnitIds].some((unitId) => this.hasRole(unitId, ['administrator']));
  }

  /** May read the whole tenant's audit log. */
  get readsWholeAuditLog(): boolean {
    return this.isAuditor || this.isTenantAdministrator;
  }

  /** Holds one of `roles` on the unit (directly or through an ancestor). */
  hasRole(unitId: string, roles: readonly Role[]): boolean {
    const held = this.rolesByUnit.get(unitId);
    return held !== undefined && roles.some((role) => held.has(role));
  }

  canRead(unitId: string): boolean {
    return this.isAuditor || this.rolesByUnit.has(unitId);
  }

  /** The units whose data the principal reads, or 'all' for the whole tenant. */
  readableUnitIds(): string[] | 'all' {
    return this.isAuditor ? 'all' : [...this.rolesByUnit.keys()];
  }

  /** The units on which the principal holds one of `roles`. */
  unitIdsWithRole(roles: readonly Role[]): string[] {
    return [...this.rolesByUnit.entries()]
      .filter(([, held]) => roles.some((role) => held.has(role)))
      .map(([unitId]) => unitId);
  }

  /** Throws not found unless the unit's data is readable. */
  assertRead(unitId: string): void {
    if (!this.canRead(unitId)) throw new AppError('not_found');
  }

  /** Throws unless the principal may write at all (a read-only token may not). */
  assertMayWrite(): void {
    if (!this.principal.mayWrite) {
      throw new AppError(
        'forbidden',
        localize((m) => m.access.readOnlyToken),
      );
    }
  }

  /** Throws not found for an unreadable unit, forbidden without one of `roles` there. */
  assertRole(unitId: string, roles: readonly Role[]): void {
    this.assertRead(unitId);
    this.assertMayWrite();
    if (!this.hasRole(unitId, roles)) throw new AppError('forbidden', NOT_ALLOWED);
  }

  /** Throws forbidden unless the principal administers the tenant. */
  assertTenantAdministrator(): void {
    this.assertMayWrite();
    if (!this.isTenantAdministrator) {
      throw new AppError(
        'forbidden',
        localize((m) => m.access.tenantAdministratorOnly),
      );
    }
  }

  /**
   * Archiving plan data (plans, risks, controls, actions, activities and their sub-activities,
   * reviews, deviations, recommendations) takes it out of the plan, so it is for the unit's
   * managers: the one rule for who may archive and restore.
   */
  assertMayArchive(unitId: string): void {
    this.assertRole(unitId, ARCHIVING_ROLES);
  }

  /**
   * May change an item (control, action, activity) or write its follow-ups: a coordinator or
   * administrator of its unit, or a responsible person who is assigned to the item.
   */
  assertItemWrite(unitId: string, assignedUserIds: readonly string[]): void {
    this.assertRead(unitId);
    this.assertMayWrite();
    if (this.hasRole(unitId, MANAGING_ROLES)) return;
    if (this.hasRole(unitId, ['responsible']) && assignedUserIds.includes(this.userId)) return;
    throw new AppError('forbidden', NOT_ALLOWED);
  }
}

/**
 * The operator of the server on the command line (`uppsikt report`): reads the whole tenant,
 * as an auditor does, and may write nothing. Whoever runs the command already holds the database.
 */
export function operatorAccess(tenantId: string, clock: Clock): Access {
  // Stryker disable next-line StringLiteral: equivalent, the auditor role reads every unit whatever unit it is held on ('*' is only a name)
  const everywhereAnAuditor = new Map([['*', new Set<Role>(['auditor'])]]);
  return new Access(
    { tenantId, userId: '00000000-0000-0000-0000-000000000000', via: 'token', mayWrite: false },
    everywhereAnAuditor,
    new Set(),
    clock,
  );
}

/** Loads the principal's roles over the tenant's unit tree: one recursive query. */
export async function loadAccess(db: Database, principal: Principal, clock: Clock): Promise<Access> {
  const rows = await queryRows<{ unit_id: string; role: Role; is_root: boolean }>(
    db,
    sql`with recursive scope(unit_id, role) as (
          select unit_id, role from role_assignments
           where tenant_id = ${principal.tenantId} and user_id = ${principal.userId} and revoked_at is null
          union
          select child.id, scope.role from org_units child join scope on child.parent_id = scope.unit_id
           where child.tenant_id = ${principal.tenantId}
        )
        select scope.unit_id, scope.role, (unit.parent_id is null) as is_root
          from scope join org_units unit on unit.tenant_id = ${principal.tenantId} and unit.id = scope.unit_id`,
  );
  const rolesByUnit = new Map<string, Set<Role>>();
  const rootUnitIds = new Set<string>();
  for (const row of rows) {
    const roles = rolesByUnit.get(row.unit_id) ?? new Set<Role>();
    roles.add(row.role);
    rolesByUnit.set(row.unit_id, roles);
    if (row.is_root) rootUnitIds.add(row.unit_id);
  }
  return new Access(principal, rolesByUnit, rootUnitIds, clock);
}

/** The operator writing into a tenant from the command line: recorded in the audit log under a label, not as a person. */
class OperatorWriteAccess extends Access {
  constructor(
    principal: Principal,
    rolesByUnit: ReadonlyMap<string, ReadonlySet<Role>>,
    rootUnitIds: ReadonlySet<string>,
    clock: Clock,
    private readonly label: string,
  ) {
    super(principal, rolesByUnit, rootUnitIds, clock);
  }

  override get actor(): Actor {
    return { kind: 'system', tenantId: this.tenantId, label: this.label };
  }
}

/**
 * The operator of the server importing into a tenant (`uppsikt import`): administers every
 * unit, and every change is recorded as made by `label` (e.g. "cli:import"). Whoever runs the
 * command already holds the database.
 */
export async function operatorWriteAccess(
  db: Database,
  tenantId: string,
  clock: Clock,
  label: string,
): Promise<Access> {
  const units = await queryRows<{ id: string; is_root: boolean }>(
    db,
    sql`select id, (parent_id is null) as is_root from org_units where tenant_id = ${tenantId}`,
  );
  const administrator = new Set<Role>(['administrator']);
  return new OperatorWriteAccess(
    // Stryker disable next-line StringLiteral: the nil id names nobody; the actor is the label
    { tenantId, userId: '00000000-0000-0000-0000-000000000000', via: 'token', mayWrite: true },
    new Map(units.map((unit) => [unit.id, administrator])),
    new Set(units.filter((unit) => unit.is_root).map((unit) => unit.id)),
    clock,
    label,
  );
}
