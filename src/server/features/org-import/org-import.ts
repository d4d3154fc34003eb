import { createHash } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import {
  ORG_IMPORT_MAX_BYTES,
  type OrgImportKind,
  type orgImportConfirm,
  type orgImportFile,
  type orgImportPreview,
} from '../../../domain/contracts/org-import.ts';
import { findHeaderRow, recordsBelow, type HeaderMatch } from '../../../domain/table-headings.ts';
import type { Access } from '../../access/access.ts';
import { insertAudited, updateAudited, type Row } from '../../audit/audited-writes.ts';
import { recordAuditEvents } from '../../audit/record-audit-events.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { roleAssignments } from '../../db/schema/role-assignments.ts';
import { users } from '../../db/schema/users.ts';
import { AppError, type Locale } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { readTables } from '../../tables/read-table.ts';
import { HEADINGS_SHOWN, PEOPLE_HEADINGS, UNIT_HEADINGS } from './headings.ts';
import { planPeopleImport, type PeopleImportPlan, type PersonRef } from './plan-people.ts';
import type { ImportValue, PlannedRow } from './plan-types.ts';
import { planUnitImport, type UnitImportPlan, type UnitRef } from './plan-units.ts';

type ImportFile = z.infer<typeof orgImportFile>;
type Preview = z.infer<typeof orgImportPreview>;

/** The headings of each kind, and those a file must have. */
const KINDS = {
  units: { vocabulary: UNIT_HEADINGS, required: ['name', 'kind'] },
  people: { vocabulary: PEOPLE_HEADINGS, required: ['name', 'email'] },
} as const;

/** A file read and planned: what the preview shows and the confirmation writes. */
interface Prepared {
  sheet: string | null;
  match: HeaderMatch<string>;
  plan: UnitImportPlan | PeopleImportPlan;
  fingerprint: string;
}

/** What importing the file would do; nothing is written (tenant administrator). */
export async function previewOrgImport(
  db: Database,
  access: Access,
  kind: OrgImportKind,
  file: ImportFile,
  locale: Locale,
): Promise<Preview> {
  access.assertTenantAdministrator();
  const prepared = await prepare(db, access, kind, file);
  return {
    kind,
    fileName: file.fileName,
    sheet: prepared.sheet,
    headerRow: prepared.match.rowIndex + 1,
    columns: prepared.match.columns.map((column) => ({
      ...column,
      field: column.field as Preview['columns'][number]['field'],
    })),
    rows: prepared.plan.rows.map((row) => ({
      ...row,
      changes: row.changes.map((change) => ({
        field: change.field,
        from: inLocale(change.from, locale),
        to: inLocale(change.to, locale),
      })),
      errors: row.errors.map((error) => ({ field: error.field, message: error.message[locale] })),
    })),
    summary: summarise(prepared.plan.rows),
    fingerprint: prepared.fingerprint,
  };
}

/**
 * Carries out the import the preview showed, in the caller's transaction: every row or none. It
 * is refused if a row has an error, and with 409 if the outcome is no longer the one previewed
 * (the organisation changed in between).
 */
export async function applyOrgImport(
  tx: Transaction,
  access: Access,
  kind: OrgImportKind,
  input: z.infer<typeof orgImportConfirm>,
) {
  access.assertTenantAdministrator();
  const prepared = await prepare(tx, access, kind, input);
  const failing = prepared.plan.rows.filter((row) => row.outcome === 'error');
  if (failing.length > 0)
    throw new AppError(
      'validation_failed',
      localize((m) => m.orgImport.rowsHaveErrors(failing.length)),
      failing.flatMap((row) =>
        row.errors.map((error) => ({
          path: error.field === null ? `rows.${row.row}` : `rows.${row.row}.${error.field}`,
          message: error.message,
        })),
      ),
    );
  if (prepared.fingerprint !== input.fingerprint)
    throw new AppError(
      'conflict',
      localize((m) => m.orgImport.changedSincePreview),
    );
  if (kind === 'units') await writeUnits(tx, access, prepared.plan as UnitImportPlan);
  else await writePeople(tx, access, prepared.plan as PeopleImportPlan);
  return { kind, summary: summarise(prepared.plan.rows) };
}

async function prepare(db: Database, access: Access, kind: OrgImportKind, file: ImportFile): Promise<Prepared> {
  const bytes = Buffer.from(file.content, 'base64');
  if (bytes.length > ORG_IMPORT_MAX_BYTES)
    throw new AppError('validation_failed', undefined, [
      { path: 'content', message: localize((m) => m.tables.tooLarge(ORG_IMPORT_MAX_BYTES / 1024 / 1024)) },
    ]);
  const { vocabulary, required } = KINDS[kind];
  const tables = await readTables(bytes);
  // The visible sheets first; of them, the one whose headings name the most fields.
  let best: { sheet: string | null; match: HeaderMatch<string>; rows: string[][] } | undefined;
  for (const table of [...tables.filter((each) => !each.hidden), ...tables.filter((each) => each.hidden)]) {
    const match = findHeaderRow<string>(table.rows, vocabulary, required);
    if (match && (!best || fieldCount(match) > fieldCount(best.match)))
      best = { sheet: table.sheet, match, rows: table.rows };
  }
  if (!best)
    throw new AppError('validation_failed', undefined, [
      {
        path: 'content',
        message: localize((m, locale) =>
          m.orgImport.noHeadings(
            HEADINGS_SHOWN[kind][locale].join(', '),
            required.map((field) => HEADINGS_SHOWN[kind][locale][Object.keys(vocabulary).indexOf(field)]).join(', '),
          ),
        ),
      },
    ]);
  const records = recordsBelow(best.rows, best.match);
  if (records.length === 0)
    throw new AppError('validation_failed', undefined, [
      { path: 'content', message: localize((m) => m.orgImport.emptyFile) },
    ]);
  const plan = kind === 'units' ? await planUnits(db, access, records) : await planPeople(db, access, records);
  return { sheet: best.sheet, match: best.match, plan, fingerprint: fingerprintOf(kind, plan) };
}

function fieldCount(match: HeaderMatch<string>) {
  return match.columns.filter((column) => column.field !== null).length;
}

async function planUnits(db: Database, access: Access, records: Parameters<typeof planUnitImport>[0]) {
  const units = await db.select().from(orgUnits).where(eq(orgUnits.tenantId, access.tenantId));
  return planUnitImport(records, units);
}

async function planPeople(db: Database, access: Access, records: Parameters<typeof planPeopleImport>[0]) {
  const [people, units, roles] = await Promise.all([
    db.select().from(users).where(eq(users.tenantId, access.tenantId)),
    db.select().from(orgUnits).where(eq(orgUnits.tenantId, access.tenantId)),
    db
      .select({ userId: roleAssignments.userId, unitId: roleAssignments.unitId, role: roleAssignments.role })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.tenantId, access.tenantId), isNull(roleAssignments.revokedAt))),
  ]);
  return planPeopleImport(records, { people, units, roles });
}

/**
 * What the import would do, reduced to a hash: every row's outcome and changes, and the version
 * of every row it changes. The same file on the same data gives the same fingerprint.
 */
function fingerprintOf(kind: OrgImportKind, plan: UnitImportPlan | PeopleImportPlan) {
  const versions = plan.updates.map((update) => [update.current.id, update.current.version]);
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({
      kind,
      rows: plan.rows.map(({ errors, ...row }) => ({ ...row, errors: errors.length })),
      versions,
    }),
  );
  return hash.digest('base64url');
}

function summarise(rows: PlannedRow[]) {
  const summary = { create: 0, change: 0, unchanged: 0, error: 0 };
  for (const row of rows) summary[row.outcome]++;
  return summary;
}

function inLocale(value: ImportValue, locale: Locale): string | null {
  if (value === null || typeof value === 'string') return value;
  return value[locale];
}

async function writeUnits(tx: Transaction, access: Access, plan: UnitImportPlan) {
  const createdIds = new Map<number, string>();
  const idOf = (ref: UnitRef) => ('existing' in ref ? ref.existing : createdIds.get(ref.row)!);
  for (const create of plan.creates) {
    const parentId = idOf(create.parent);
    const row = await insertAudited(
      tx,
      orgUnits,
      { tenantId: access.tenantId, parentId, kind: create.kind, name: create.name, shortName: create.shortName },
      { actor: access.actor, entityType: 'org_unit', unitId: parentId },
    );
    createdIds.set(create.row, row.id as string);
  }
  for (const update of plan.updates) {
    const { parent, ...values } = update.values;
    await updateAudited(
      tx,
      orgUnits,
      {
        current: update.current as unknown as Row,
        expectedVersion: update.current.version,
        values: parent ? { ...values, parentId: idOf(parent) } : values,
        present: presentBriefly,
      },
      { actor: access.actor, entityType: 'org_unit', unitId: update.current.id },
    );
  }
}

async function writePeople(tx: Transaction, access: Access, plan: PeopleImportPlan) {
  const createdIds = new Map<number, string>();
  const idOf = (ref: PersonRef) => ('existing' in ref ? ref.existing : createdIds.get(ref.row)!);
  for (const create of plan.creates) {
    const row = await insertAudited(
      tx,
      users,
      { tenantId: access.tenantId, name: create.name, email: create.email, title: create.title, passwordHash: null },
      { actor: access.actor, entityType: 'user', unitId: null },
    );
    createdIds.set(create.row, row.id as string);
  }
  for (const update of plan.updates)
    await updateAudited(
      tx,
      users,
      {
        current: update.current as unknown as Row,
        expectedVersion: update.current.version,
        values: update.values,
        present: presentBriefly,
      },
      { actor: access.actor, entityType: 'user', unitId: null },
    );
  if (plan.grants.length === 0) return;
  const granted = await tx
    .insert(roleAssignments)
    .values(
      plan.grants.map((grant) => ({
        tenantId: access.tenantId,
        userId: idOf(grant.person),
        unitId: grant.unitId,
        role: grant.role,
      })),
    )
    .returning();
  await recordAuditEvents(
    tx,
    access.actor,
    granted.map((assignment) => ({
      entityType: 'role_assignment',
      entityId: assignment.id,
      operation: 'create',
      unitId: assignment.unitId,
      changes: {
        userId: [null, assignment.userId],
        unitId: [null, assignment.unitId],
        role: [null, assignment.role],
      },
    })),
  );
}

/** How a unit or person changed by someone else in between is shown in the 409. */
function presentBriefly(row: Row) {
  return { id: row.id, name: row.name, version: row.version };
}
