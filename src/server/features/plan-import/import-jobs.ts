import { createHash } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { planImport as planImportSchema, planImportCreate } from '../../../domain/contracts/plan-imports.ts';
import type { PlanImportState } from '../../../domain/plan-import.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import { insertAudited } from '../../audit/audited-writes.ts';
import { recordAuditEvents } from '../../audit/record-audit-events.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { importMappings, planImports } from '../../db/schema/plan-imports.ts';
import { plans } from '../../db/schema/plans.ts';
import { users } from '../../db/schema/users.ts';
import { AppError, type Locale, type LocalizedText } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import type { ImportIssue } from './model.ts';
import type { PreviewRow, ShownValue } from './plan-changes.ts';
import { commitImport, prepareImport, type PreparedImport, type TargetRequest } from './prepare-import.ts';
import { detectFormat } from './read-file.ts';
import { mappingKey, type TableMapping } from './readers/plan-table.ts';

type ImportRow = typeof planImports.$inferSelect;
type PlanImportView = z.infer<typeof planImportSchema>;

/** What a preview keeps between requests: its rows and what concerns the file as a whole. */
export interface StoredPreview {
  rows: PreviewRow[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
  newPeople: string[];
  summary: Record<'create' | 'change' | 'unchanged' | 'archive' | 'conflict' | 'error', number>;
}

/** What an import keeps of its mapping: the table's columns, a saved mapping it started from, and whether the person chose the plan kind. */
interface StoredMapping {
  table?: TableMapping;
  saved?: Record<string, string | null>;
  kindChosen?: boolean;
}

function storedMapping(row: ImportRow): StoredMapping {
  return row.mapping ?? {};
}

interface Progress {
  phase: 'reading' | 'writing';
  done: number;
  total: number;
}

/**
 * Imports run on in the background of the instance that took them; their progress is kept
 * here, per import, while they run. Another instance shows the state without the percentage.
 */
const running = new Map<string, Progress>();
/** Imports whose work is under way in this process, so they can be awaited (tests, shutdown). */
const work = new Map<string, Promise<void>>();

export interface ImportSettings {
  /** The largest file taken, in bytes. */
  maxBytes: number;
}

/** Takes a file to import and starts reading it; answers at once with the import (state `reading`). */
export async function startPlanImport(
  db: Database,
  access: Access,
  input: z.infer<typeof planImportCreate>,
  settings: ImportSettings,
): Promise<ImportRow> {
  access.assertMayWrite();
  const bytes = Buffer.from(input.content, 'base64');
  if (bytes.length > settings.maxBytes)
    throw new AppError('validation_failed', undefined, [
      {
        path: 'content',
        message: localize((m) => m.planImport.tooLarge(Math.round(settings.maxBytes / 1024 / 1024))),
      },
    ]);
  const target = targetOf(input);
  // The target and the caller's right to import into it are checked before anything is kept.
  const { unitId, plan } = await checkTarget(db, access, target);
  const format = await detectFormat(bytes);
  const mapping = input.mappingId === undefined ? null : await savedMapping(db, access.tenantId, input.mappingId);
  const row = await db.transaction((tx) =>
    insertAudited(
      tx,
      planImports,
      {
        tenantId: access.tenantId,
        unitId,
        planId: plan?.id ?? null,
        planKind: plan ? plan.kind : (input.kind ?? (input.year !== undefined ? 'internal_control' : null)),
        year: plan ? plan.startYear : (input.year ?? null),
        fileName: input.fileName,
        format,
        byteSize: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        content: bytes,
        state: 'reading',
        mapping: mapping === null ? null : { saved: mapping.columns, kindChosen: input.kind !== undefined },
        createdById: access.userId,
      },
      { actor: access.actor, entityType: 'plan_import', unitId },
    ),
  );
  const imported = row as unknown as ImportRow;
  // The plan kind stored for a unit-and-year import is a default; the person's choice is kept apart.
  launch(imported.id, () => previewInBackground(db, access, imported.id, input.kind !== undefined));
  return imported;
}

function targetOf(input: z.infer<typeof planImportCreate>): TargetRequest {
  if (input.planId !== undefined) return { planId: input.planId };
  if (input.unitId !== undefined && input.year !== undefined)
    return { unitId: input.unitId, year: input.year, kind: input.kind };
  throw new AppError('validation_failed', undefined, [
    { path: 'planId', message: localize((m) => m.planImport.targetRequired) },
  ]);
}

async function checkTarget(db: Database, access: Access, target: TargetRequest) {
  if ('planId' in target) {
    const [plan] = await db
      .select()
      .from(plans)
      .where(and(eq(plans.tenantId, access.tenantId), eq(plans.id, target.planId)));
    if (!plan || !access.canRead(plan.unitId)) throw new AppError('not_found');
    access.assertRole(plan.unitId, MANAGING_ROLES);
    return { unitId: plan.unitId, plan };
  }
  const [unit] = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, access.tenantId), eq(orgUnits.id, target.unitId)));
  if (!unit || !access.canRead(unit.id))
    throw new AppError('validation_failed', undefined, [
      { path: 'unitId', message: localize((m) => m.validation.doesNotExist) },
    ]);
  access.assertRole(unit.id, MANAGING_ROLES);
  return { unitId: unit.id, plan: null };
}

function launch(id: string, task: () => Promise<void>) {
  const promise = task()
    // The task records its own failures on the import; one it cannot record (the database gone) is logged.
    .catch((error: unknown) => console.error(`Import ${id} stopped:`, error))
    .finally(() => {
      running.delete(id);
      work.delete(id);
    });
  work.set(id, promise);
}

/** Waits until the background work of an import in this process is done (tests, the CLI). */
export async function settled(id: string): Promise<void> {
  await work.get(id);
}

/** Reads the stored import's file and target again and compares them: the preview as of now. */
async function prepareStored(
  db: Database,
  access: Access,
  row: ImportRow,
  kindChosen: boolean,
  phase: Progress['phase'],
) {
  const stored = storedMapping(row);
  const target: TargetRequest =
    row.planId !== null
      ? { planId: row.planId }
      : { unitId: row.unitId, year: row.year!, kind: kindChosen ? (row.planKind ?? undefined) : undefined };
  running.set(row.id, { phase, done: 0, total: 0 });
  return prepareImport(db, access, {
    bytes: row.content,
    format: row.format,
    target,
    mapping: stored.table ?? null,
    saved: stored.saved ?? null,
    progress: (done, total) => running.set(row.id, { phase, done, total }),
  });
}

async function previewInBackground(db: Database, access: Access, id: string, kindChosen: boolean): Promise<void> {
  const row = await findRow(db, access.tenantId, id);
  try {
    const prepared = await prepareStored(db, access, row, kindChosen, 'reading');
    await storePreview(db, row, prepared, kindChosen, null);
  } catch (error) {
    await fail(db, row, error);
  }
}

async function storePreview(
  db: Database,
  row: ImportRow,
  prepared: PreparedImport,
  kindChosen: boolean,
  problem: LocalizedText | null,
) {
  const preview = storedPreview(prepared);
  const stored = storedMapping(row);
  const mapping = prepared.read.mapping;
  const needsMapping = mapping !== null && preview.rows.length === 0;
  await db
    .update(planImports)
    .set({
      state: needsMapping ? 'mapping' : 'ready',
      planId: prepared.target.plan?.id ?? row.planId,
      planKind: prepared.target.kind,
      mapping: mapping === null ? null : { ...stored, table: mapping, kindChosen },
      preview,
      fingerprint: prepared.planned.fingerprint,
      error: problem,
      updatedAt: sql`now()`,
      version: sql`${planImports.version} + 1`,
    })
    .where(and(eq(planImports.tenantId, row.tenantId), eq(planImports.id, row.id)));
}

function storedPreview(prepared: PreparedImport): StoredPreview {
  const summary = { create: 0, change: 0, unchanged: 0, archive: 0, conflict: 0, error: 0 };
  for (const row of prepared.planned.rows) summary[row.outcome]++;
  return {
    rows: prepared.planned.rows,
    errors: prepared.planned.errors,
    warnings: prepared.planned.warnings,
    newPeople: [...prepared.planned.resolver.newPeople.values()].map((person) => person.name),
    summary,
  };
}

async function fail(db: Database, row: ImportRow, error: unknown) {
  const problem: LocalizedText =
    error instanceof AppError
      ? typeof error.detail === 'object' && error.detail !== null
        ? error.detail
        : ((error.errors[0]?.message as LocalizedText | undefined) ?? localize((m) => m.planImport.failed))
      : localize((m) => m.planImport.failed);
  if (!(error instanceof AppError)) console.error(`Import ${row.id} failed:`, error);
  await db
    .update(planImports)
    .set({
      state: 'failed',
      error: problem,
      finishedAt: sql`now()`,
      updatedAt: sql`now()`,
      version: sql`${planImports.version} + 1`,
    })
    .where(and(eq(planImports.tenantId, row.tenantId), eq(planImports.id, row.id)));
}

async function findRow(db: Database, tenantId: string, id: string): Promise<ImportRow> {
  const [row] = await db
    .select()
    .from(planImports)
    .where(and(eq(planImports.tenantId, tenantId), eq(planImports.id, id)));
  if (!row) throw new AppError('not_found');
  return row;
}

/** An import its creator, or a manager of its unit, may see. */
export async function findPlanImport(db: Database, access: Access, id: string): Promise<ImportRow> {
  const row = await findRow(db, access.tenantId, id);
  if (row.createdById !== access.userId && !access.hasRole(row.unitId, MANAGING_ROLES)) throw new AppError('not_found');
  return row;
}

/** Sets the columns of a plan table (and saves the mapping if asked), then previews again. */
export async function mapColumns(
  db: Database,
  access: Access,
  id: string,
  input: { columns: { column: number; field: string | null }[]; saveAs?: string | undefined },
): Promise<ImportRow> {
  const row = await findPlanImport(db, access, id);
  access.assertRole(row.unitId, MANAGING_ROLES);
  if (row.state !== 'ready' && row.state !== 'mapping')
    throw new AppError(
      'conflict',
      localize((m) => m.planImport.notReady),
    );
  const stored = storedMapping(row);
  if (!stored.table)
    throw new AppError('validation_failed', undefined, [
      { path: 'columns', message: localize((m) => m.planImport.notATable) },
    ]);
  const byColumn = new Map(input.columns.map((column) => [column.column, column.field]));
  const table: TableMapping = {
    ...stored.table,
    columns: stored.table.columns.map((column) =>
      byColumn.has(column.column) ? { ...column, field: byColumn.get(column.column) as never } : column,
    ),
  };
  await db.transaction(async (tx) => {
    if (input.saveAs !== undefined) await saveMapping(tx, access, input.saveAs, table);
    await tx
      .update(planImports)
      .set({
        state: 'reading',
        mapping: { ...stored, table },
        error: null,
        updatedAt: sql`now()`,
        version: sql`${planImports.version} + 1`,
      })
      .where(and(eq(planImports.tenantId, row.tenantId), eq(planImports.id, row.id)));
  });
  launch(row.id, () => previewInBackground(db, access, row.id, stored.kindChosen === true));
  return findRow(db, access.tenantId, id);
}

/**
 * Confirms an import as previewed: it is read and compared again, and written in one
 * transaction if the outcome is still the one the person saw (the fingerprint); otherwise the
 * preview is renewed and the import waits for another confirmation.
 */
export async function confirmPlanImport(
  db: Database,
  access: Access,
  id: string,
  input: { fingerprint: string; validRowsOnly: boolean },
): Promise<ImportRow> {
  const row = await findPlanImport(db, access, id);
  access.assertRole(row.unitId, MANAGING_ROLES);
  if (row.state !== 'ready')
    throw new AppError(
      'conflict',
      localize((m) => m.planImport.notReady),
    );
  if (row.fingerprint !== input.fingerprint)
    throw new AppError(
      'conflict',
      localize((m) => m.planImport.changedSincePreview),
    );
  const [claimed] = await db
    .update(planImports)
    .set({ state: 'writing', error: null, updatedAt: sql`now()`, version: sql`${planImports.version} + 1` })
    .where(and(eq(planImports.tenantId, row.tenantId), eq(planImports.id, row.id), eq(planImports.state, 'ready')))
    .returning();
  if (!claimed)
    throw new AppError(
      'conflict',
      localize((m) => m.planImport.notReady),
    );
  const kindChosen = storedMapping(row).kindChosen === true || row.planId !== null;
  launch(row.id, () => writeInBackground(db, access, claimed, input, kindChosen));
  return claimed;
}

async function writeInBackground(
  db: Database,
  access: Access,
  row: ImportRow,
  input: { fingerprint: string; validRowsOnly: boolean },
  kindChosen: boolean,
) {
  let prepared: PreparedImport | undefined;
  try {
    prepared = await prepareStored(db, access, row, kindChosen, 'writing');
    if (prepared.planned.fingerprint !== input.fingerprint) {
      await storePreview(
        db,
        row,
        prepared,
        kindChosen,
        localize((m) => m.planImport.changedSincePreview),
      );
      return;
    }
    const done = prepared;
    const total = done.planned.creates.length + done.planned.updates.length + done.planned.archives.length;
    running.set(row.id, { phase: 'writing', done: 0, total });
    await db.transaction(async (tx) => {
      const written = await commitImport(tx, access, done, {
        validRowsOnly: input.validRowsOnly,
        progress: (count, all) => running.set(row.id, { phase: 'writing', done: count, total: all }),
      });
      await tx
        .update(planImports)
        .set({
          state: 'done',
          planId: written.planId,
          result: written,
          finishedAt: sql`now()`,
          updatedAt: sql`now()`,
          version: sql`${planImports.version} + 1`,
        })
        .where(and(eq(planImports.tenantId, row.tenantId), eq(planImports.id, row.id)));
      await recordAuditEvents(tx, access.actor, [
        {
          entityType: 'plan_import',
          entityId: row.id,
          operation: 'confirm',
          unitId: row.unitId,
          changes: { state: ['ready', 'done'], planId: [row.planId, written.planId] },
        },
      ]);
    });
  } catch (error) {
    // Refused as a whole (errors, a conflict with someone's change): nothing was written; the
    // import waits with its preview renewed and the reason shown.
    if (error instanceof AppError && prepared && (error.code === 'validation_failed' || error.code === 'conflict')) {
      const problem =
        typeof error.detail === 'object' && error.detail !== null
          ? error.detail
          : localize((m) => m.planImport.changedSincePreview);
      const fresh = await prepareStored(db, access, row, kindChosen, 'reading').catch(() => prepared!);
      await storePreview(db, row, fresh, kindChosen, problem);
      return;
    }
    await fail(db, row, error);
  }
}

/** Withdraws an import that has not been written. */
export async function cancelPlanImport(db: Database, access: Access, id: string): Promise<ImportRow> {
  const row = await findPlanImport(db, access, id);
  if (!['reading', 'mapping', 'ready', 'failed'].includes(row.state))
    throw new AppError(
      'conflict',
      localize((m) => m.planImport.notReady),
    );
  const [updated] = await db
    .update(planImports)
    .set({
      state: 'cancelled',
      finishedAt: sql`now()`,
      updatedAt: sql`now()`,
      version: sql`${planImports.version} + 1`,
    })
    .where(and(eq(planImports.tenantId, row.tenantId), eq(planImports.id, row.id)))
    .returning();
  return updated!;
}

/** The caller's imports, newest first. */
export async function listPlanImports(db: Database, access: Access): Promise<ImportRow[]> {
  return db
    .select()
    .from(planImports)
    .where(and(eq(planImports.tenantId, access.tenantId), eq(planImports.createdById, access.userId)))
    .orderBy(desc(planImports.createdAt))
    .limit(50);
}

/** The import as the API shows it, in the reader's language. */
export async function presentPlanImport(
  db: Database,
  row: ImportRow,
  locale: Locale,
  now: Date,
): Promise<PlanImportView> {
  const [unit] = await db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, row.tenantId), eq(orgUnits.id, row.unitId)));
  const [plan] =
    row.planId === null
      ? []
      : await db
          .select({ id: plans.id, title: plans.title })
          .from(plans)
          .where(and(eq(plans.tenantId, row.tenantId), eq(plans.id, row.planId)));
  const [creator] = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.tenantId, row.tenantId), eq(users.id, row.createdById)));
  const preview = row.preview as StoredPreview | null;
  const mapping = storedMapping(row);
  const progress = running.get(row.id);
  const inProgress = row.state === 'reading' || row.state === 'writing';
  const state: PlanImportState = inProgress && !work.has(row.id) && isStale(row, now) ? 'failed' : row.state;
  return {
    id: row.id,
    state,
    fileName: row.fileName,
    format: row.format,
    byteSize: row.byteSize,
    unit: unit!,
    plan: plan ?? null,
    kind: row.planKind ?? 'internal_control',
    year: row.year ?? 0,
    createdAt: row.createdAt.toISOString(),
    createdBy: creator!,
    progress:
      inProgress && progress
        ? {
            ...progress,
            percent: progress.total === 0 ? 0 : Math.min(100, Math.floor((progress.done / progress.total) * 100)),
          }
        : null,
    mapping: mapping.table ?? null,
    summary: preview ? { ...preview.summary, people: preview.newPeople.length } : null,
    newPeople: preview?.newPeople ?? [],
    errors: (preview?.errors ?? []).map((issue) => presentIssue(issue, locale)),
    warnings: (preview?.warnings ?? []).map((issue) => presentIssue(issue, locale)),
    fingerprint: row.state === 'ready' ? row.fingerprint : null,
    result: (row.result as PlanImportView['result']) ?? null,
    problem:
      state === 'failed' && row.state !== 'failed'
        ? localize((m) => m.planImport.interrupted)[locale]
        : row.error
          ? (row.error as LocalizedText)[locale]
          : null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** An import left reading or writing by a process that is gone: nothing has moved for ten minutes. */
function isStale(row: ImportRow, now: Date) {
  return now.getTime() - row.updatedAt.getTime() > 10 * 60 * 1000;
}

export function presentIssue(issue: ImportIssue, locale: Locale) {
  return { sheet: issue.sheet, row: issue.row, column: issue.column, message: issue.message[locale] };
}

function shown(value: ShownValue, locale: Locale): string | null {
  if (value === null || typeof value === 'string') return value;
  return value[locale];
}

/** A page of the preview's rows, optionally only some outcomes. */
export function previewRows(
  row: ImportRow,
  locale: Locale,
  query: { outcome?: string | undefined; offset: number; limit: number },
) {
  const preview = row.preview as StoredPreview | null;
  const outcomes = query.outcome?.split(',');
  const all = (preview?.rows ?? []).filter((each) => !outcomes || outcomes.includes(each.outcome));
  const labels = localize((m) => JSON.stringify(m.planImport.fields));
  const fieldLabels = JSON.parse(labels[locale]) as Record<string, string>;
  return {
    total: all.length,
    rows: all.slice(query.offset, query.offset + query.limit).map((each) => ({
      ...each,
      changes: each.changes.map((change) => ({
        field: change.field,
        label: fieldLabels[change.field] ?? change.field,
        from: shown(change.from, locale),
        to: shown(change.to, locale),
      })),
      errors: each.errors.map((issue) => presentIssue(issue, locale)),
      warnings: each.warnings.map((issue) => presentIssue(issue, locale)),
    })),
  };
}

// --- saved mappings -----------------------------------------------------------------------

async function savedMapping(db: Database, tenantId: string, id: string) {
  const [mapping] = await db
    .select()
    .from(importMappings)
    .where(and(eq(importMappings.tenantId, tenantId), eq(importMappings.id, id), isNull(importMappings.archivedAt)));
  if (!mapping)
    throw new AppError('validation_failed', undefined, [
      { path: 'mappingId', message: localize((m) => m.validation.doesNotExist) },
    ]);
  return mapping as typeof mapping & { columns: Record<string, string | null> };
}

async function saveMapping(db: Transaction, access: Access, name: string, table: TableMapping) {
  const columns = Object.fromEntries(table.columns.map((column) => [mappingKey(column.heading), column.field]));
  const [existing] = await db
    .select()
    .from(importMappings)
    .where(
      and(
        eq(importMappings.tenantId, access.tenantId),
        sql`lower(${importMappings.name}) = lower(${name})`,
        isNull(importMappings.archivedAt),
      ),
    );
  if (existing) {
    await db
      .update(importMappings)
      .set({ columns, updatedAt: sql`now()`, version: sql`${importMappings.version} + 1` })
      .where(and(eq(importMappings.tenantId, access.tenantId), eq(importMappings.id, existing.id)));
    await recordAuditEvents(db, access.actor, [
      {
        entityType: 'import_mapping',
        entityId: existing.id,
        operation: 'update',
        unitId: null,
        changes: { columns: [existing.columns, columns] },
      },
    ]);
    return;
  }
  await insertAudited(
    db,
    importMappings,
    { tenantId: access.tenantId, name, columns, createdById: access.userId },
    { actor: access.actor, entityType: 'import_mapping', unitId: null },
  );
}

/** The tenant's saved mappings. */
export async function listImportMappings(db: Database, access: Access) {
  access.assertMayWrite();
  return db
    .select()
    .from(importMappings)
    .where(and(eq(importMappings.tenantId, access.tenantId), isNull(importMappings.archivedAt)))
    .orderBy(importMappings.name);
}

/** Archives a saved mapping (managers of any unit). */
export async function archiveImportMapping(db: Database, access: Access, id: string) {
  if (access.unitIdsWithRole(MANAGING_ROLES).length === 0) throw new AppError('forbidden');
  const mapping = await savedMapping(db, access.tenantId, id);
  await db.transaction(async (tx) => {
    const [archived] = await tx
      .update(importMappings)
      .set({ archivedAt: sql`now()`, updatedAt: sql`now()`, version: sql`${importMappings.version} + 1` })
      .where(and(eq(importMappings.tenantId, access.tenantId), eq(importMappings.id, id)))
      .returning();
    await recordAuditEvents(tx, access.actor, [
      {
        entityType: 'import_mapping',
        entityId: mapping.id,
        operation: 'archive',
        unitId: null,
        changes: { archivedAt: [null, archived!.archivedAt] },
      },
    ]);
  });
}
