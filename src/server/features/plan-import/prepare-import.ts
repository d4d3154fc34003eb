import { and, eq } from 'drizzle-orm';
import { parsePlanPeriod, type PlanKind } from '../../../domain/plan.ts';
import type { PlanImportFormat } from '../../../domain/plan-import.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { plans } from '../../db/schema/plans.ts';
import { AppError } from '../../errors.ts';
import { localize, messagesIn } from '../../messages/messages.ts';
import { loadTargetState, plansOfUnit, type ImportTarget, type TargetState } from './load-target.ts';
import type { ImportProgress, ImportIssue } from './model.ts';
import { planImport, type PlannedImport } from './plan-changes.ts';
import { readImportFile, type ReadFile } from './read-file.ts';
import type { TableMapping } from './readers/plan-table.ts';
import { writeImport, type WrittenImport } from './write-import.ts';

/** Where a file goes: a plan, or a unit and year (the unit's plan of that year, or a new one). */
export type TargetRequest = { planId: string } | { unitId: string; year: number; kind?: PlanKind | undefined };

export interface PrepareRequest {
  bytes: Uint8Array;
  format: PlanImportFormat;
  target: TargetRequest;
  mapping?: TableMapping | null | undefined;
  saved?: Record<string, string | null> | null | undefined;
  progress?: ImportProgress | undefined;
}

/** A file read and compared with its target: what the preview shows and the confirmation writes. */
export interface PreparedImport {
  read: ReadFile;
  target: ImportTarget;
  state: TargetState;
  planned: PlannedImport;
  /** The title a new plan gets. */
  planTitle: string;
}

/**
 * Reads a file and compares it with the plan it goes to; writes nothing. The caller must manage
 * the target unit (administrator or samordnare): importing changes the plan as a whole.
 */
export async function prepareImport(db: Database, access: Access, request: PrepareRequest): Promise<PreparedImport> {
  const known = await knownTarget(db, access, request.target);
  const read = await readImportFile(request.bytes, {
    format: request.format,
    kind: known.plan?.kind ?? ('kind' in request.target ? (request.target.kind ?? null) : null),
    mapping: request.mapping,
    saved: request.saved,
    progress: request.progress,
  });
  const kind: PlanKind =
    known.plan?.kind ??
    ('kind' in request.target && request.target.kind
      ? request.target.kind
      : (read.file.kind ??
        (read.file.activities.length > 0 && read.file.risks.length === 0 ? 'activity' : 'internal_control')));
  const target = await resolveTarget(db, access, request.target, known, kind, read.file.period);
  const state = await loadTargetState(db, access.tenantId, target);
  const planned = planImport(read.file, state);
  if (read.file.risks.length + read.file.actions.length + read.file.activities.length === 0)
    planned.errors.unshift(generalIssue(localize((m) => m.planImport.nothingToRead)));
  // A new plan is named as the file names it, else in the organisation's language.
  const words = messagesIn('sv').planImport;
  const planTitle =
    read.file.title ??
    words.defaultTitle(
      target.kind === 'internal_control' ? words.internalControlPlan : words.activityPlan,
      target.startYear,
    );
  return { read, target, state, planned, planTitle };
}

/**
 * Writes a prepared import in the caller's transaction. With errors it is refused, unless the
 * person chose to import the rows without errors only; a problem with the file as a whole
 * always refuses it.
 */
export async function commitImport(
  tx: Transaction,
  access: Access,
  prepared: PreparedImport,
  options: { validRowsOnly: boolean; progress?: ImportProgress | undefined },
): Promise<WrittenImport> {
  access.assertRole(prepared.target.unitId, MANAGING_ROLES);
  const failing = prepared.planned.rows.filter((row) => row.outcome === 'error');
  if (prepared.planned.errors.length > 0)
    throw new AppError(
      'validation_failed',
      prepared.planned.errors[0]!.message,
      prepared.planned.errors.map((issue) => ({ path: issuePath(issue), message: issue.message })),
    );
  if (failing.length > 0 && !options.validRowsOnly)
    throw new AppError(
      'validation_failed',
      localize((m) => m.planImport.rowsHaveErrors(failing.length)),
      failing
        .flatMap((row) => row.errors.map((issue) => ({ path: issuePath(issue), message: issue.message })))
        .slice(0, 200),
    );
  return writeImport(tx, access, prepared.target, prepared.planned, {
    planTitle: prepared.planTitle,
    progress: options.progress,
  });
}

/** An issue as a problem's field path: "Risker!C12", "row 12", or the file. */
export function issuePath(issue: ImportIssue): string {
  const cell = [issue.sheet, issue.row !== null ? `${issue.column ?? ''}${issue.row}` : issue.column]
    .filter((part) => part !== null && part !== '')
    .join('!');
  return cell === '' ? 'content' : cell;
}

function generalIssue(message: ImportIssue['message']): ImportIssue {
  return { sheet: null, row: null, column: null, message };
}

/** The plan named, or the unit, checked before the file is read. */
async function knownTarget(db: Database, access: Access, request: TargetRequest) {
  if ('planId' in request) {
    const [plan] = await db
      .select()
      .from(plans)
      .where(and(eq(plans.tenantId, access.tenantId), eq(plans.id, request.planId)));
    if (!plan || !access.canRead(plan.unitId)) throw new AppError('not_found');
    access.assertRole(plan.unitId, MANAGING_ROLES);
    return { plan, unitId: plan.unitId };
  }
  const [unit] = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, access.tenantId), eq(orgUnits.id, request.unitId)));
  if (!unit || !access.canRead(unit.id))
    throw new AppError('validation_failed', undefined, [
      { path: 'unitId', message: localize((m) => m.validation.doesNotExist) },
    ]);
  access.assertRole(unit.id, MANAGING_ROLES);
  return { plan: null, unitId: unit.id };
}

async function resolveTarget(
  db: Database,
  access: Access,
  request: TargetRequest,
  known: Awaited<ReturnType<typeof knownTarget>>,
  kind: PlanKind,
  filePeriod: string | undefined,
): Promise<ImportTarget> {
  if (known.plan) {
    const plan = known.plan;
    return { unitId: plan.unitId, plan, kind: plan.kind, startYear: plan.startYear, endYear: plan.endYear };
  }
  const { year } = request as { year: number };
  const candidates = await plansOfUnit(db, access.tenantId, known.unitId, kind, year);
  if (candidates.length > 1)
    throw new AppError('validation_failed', undefined, [
      { path: 'year', message: localize((m) => m.planImport.severalPlans(candidates.length)) },
    ]);
  const plan = candidates[0];
  if (plan) return { unitId: plan.unitId, plan, kind, startYear: plan.startYear, endYear: plan.endYear };
  // A document of a plan for several years ("2020–2021") that starts in the year given keeps its range.
  const period = filePeriod === undefined ? null : parsePlanPeriod(filePeriod);
  const endYear = period && period.startYear === year ? period.endYear : year;
  return { unitId: known.unitId, plan: null, kind, startYear: year, endYear };
}
