import { hash } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { currentYearInSweden, type Clock } from '../../../domain/clock.ts';
import type { tenantCreate } from '../../../domain/contracts/tenants.ts';
import { defaultReportingPeriodDates } from '../../../domain/reporting-period.ts';
import { DEFAULT_RISK_MATRIX } from '../../../domain/risk-matrix.ts';
import { DEFAULT_STATUSES } from '../../../domain/status.ts';
import { vocabularyEntries } from '../../db/schema/vocabulary-entries.ts';
import { defaultVocabularyRows } from '../../vocabulary/vocabulary-refs.ts';
import { creationChanges, recordAuditEvents, type Actor, type AuditEntry } from '../../audit/record-audit-events.ts';
import { issueOneTimeLink, type IssuedLink } from '../../auth/one-time-links.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { reportingPeriods } from '../../db/schema/reporting-periods.ts';
import { riskMatrices } from '../../db/schema/risk-matrices.ts';
import { roleAssignments } from '../../db/schema/role-assignments.ts';
import { statuses } from '../../db/schema/statuses.ts';
import { tenants } from '../../db/schema/tenants.ts';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';

export type TenantCreateInput = z.infer<typeof tenantCreate>;

export interface CreatedTenant {
  tenantId: string;
  rootUnitId: string;
  adminId: string;
  /** The administrator's link to set a password; absent when a password was given. */
  link?: IssuedLink;
}

/** The reporting periods a new tenant starts with: the year's quarters, its delår and its helår. */
const STARTING_PERIODS = [
  { kind: 'quarter', number: 1 },
  { kind: 'quarter', number: 2 },
  { kind: 'quarter', number: 3 },
  { kind: 'quarter', number: 4 },
  { kind: 'interim', number: null },
  { kind: 'annual', number: null },
] as const;

/**
 * Creates a tenant ready to be used, in the caller's transaction: the tenant, its top unit (of
 * the tenant's kind, with its name), the default risk matrix and status vocabulary, this year's
 * reporting periods, and a first administrator on the top unit. With `adminPassword` the
 * administrator can sign in at once (the first-run page); without it they get a one-time link
 * to choose one (the command line). Everything is in the audit log, made by `actorLabel`.
 */
export async function createTenantIn(
  tx: Transaction,
  input: TenantCreateInput,
  options: { clock: Clock; actorLabel: string; adminPassword?: string },
): Promise<CreatedTenant> {
  const now = options.clock.now();
  const [taken] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, input.slug));
  if (taken)
    throw new AppError('duplicate', undefined, [
      { path: 'slug', message: localize((m) => m.tenants.slugTaken(input.slug)) },
    ]);
  const tenantId = uuidv7();
  await tx.insert(tenants).values({ id: tenantId, slug: input.slug, name: input.name, kind: input.kind });
  const actor: Actor = { kind: 'system', tenantId, label: options.actorLabel };
  const audit: AuditEntry[] = [
    {
      entityType: 'tenant',
      entityId: tenantId,
      operation: 'create',
      changes: creationChanges({ slug: input.slug, name: input.name, kind: input.kind }),
    },
  ];
  // Each row is recorded as created, seen from the top unit (the tenant's whole organisation).
  const add = async <T extends Record<string, unknown>>(
    table: Parameters<Transaction['insert']>[0],
    entityType: string,
    rows: (T & { id: string })[],
    unitId: string | null,
  ) => {
    if (rows.length === 0) return;
    await tx.insert(table).values(rows.map((row) => ({ ...row, tenantId })));
    for (const row of rows)
      audit.push({ entityType, entityId: row.id, operation: 'create', unitId, changes: creationChanges(row) });
  };

  const rootUnitId = uuidv7();
  await add(orgUnits, 'org_unit', [{ id: rootUnitId, parentId: null, kind: input.kind, name: input.name }], rootUnitId);
  const year = currentYearInSweden(options.clock);
  await add(riskMatrices, 'risk_matrix', [{ id: uuidv7(), validFromYear: year, ...DEFAULT_RISK_MATRIX }], null);
  await add(
    statuses,
    'status',
    DEFAULT_STATUSES.map((status, index) => ({ id: uuidv7(), ...status, sortOrder: index })),
    null,
  );
  await add(vocabularyEntries, 'vocabulary_entry', defaultVocabularyRows(), null);
  await add(
    reportingPeriods,
    'reporting_period',
    STARTING_PERIODS.map((period) => ({
      id: uuidv7(),
      kind: period.kind,
      year,
      number: period.number,
      ...defaultReportingPeriodDates(period.kind, period.number, year)!,
    })),
    null,
  );
  const adminId = uuidv7();
  await add(
    users,
    'user',
    [
      {
        id: adminId,
        name: input.admin.name,
        email: input.admin.email,
        passwordHash: options.adminPassword === undefined ? null : await hash(options.adminPassword),
      },
    ],
    null,
  );
  await add(
    roleAssignments,
    'role_assignment',
    [{ id: uuidv7(), userId: adminId, unitId: rootUnitId, role: 'administrator' }],
    rootUnitId,
  );
  await recordAuditEvents(tx, actor, audit);
  const link =
    options.adminPassword === undefined
      ? await issueOneTimeLink(tx, actor, {
          tenantId,
          userId: adminId,
          purpose: 'set_password',
          now,
          createdById: null,
        })
      : undefined;
  return { tenantId, rootUnitId, adminId, ...(link ? { link } : {}) };
}

/** Creates a tenant in a transaction of its own (the command line). */
export function createTenant(
  db: Database,
  input: TenantCreateInput,
  options: { clock: Clock; actorLabel: string; adminPassword?: string },
): Promise<CreatedTenant> {
  return db.transaction((tx) => createTenantIn(tx, input, options));
}
