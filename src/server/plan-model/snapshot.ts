import { createHash } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Actor } from '../audit/record-audit-events.ts';
import { recordAuditEvents } from '../audit/record-audit-events.ts';
import type { Database, Transaction } from '../db/client.ts';
import { planVersions } from '../db/schema/plan-versions.ts';
import { loadPlanFacts, type PlanFacts } from './plan-facts.ts';

/** The frozen content of a plan: what was decided, not how it has been followed up. */
export interface PlanSnapshot {
  format: 1;
  facts: PlanFacts;
}

/**
 * The plan as it is now, in the form a version keeps: its content and the risk matrix it uses,
 * without follow-ups, deviations and notes, which report on the plan rather than make it up.
 * Labels (statuses, people) are kept as the plan showed them, in Swedish, the language of the decision.
 */
export async function currentSnapshot(db: Database, tenantId: string, planId: string): Promise<PlanSnapshot> {
  const [facts] = await loadPlanFacts(db, tenantId, [planId], 'sv');
  const frozen = <T extends { followUps: unknown[] }>(item: T): T => ({ ...item, followUps: [] });
  return {
    format: 1,
    facts: {
      ...facts!,
      risks: facts!.risks.map((risk) => ({
        ...risk,
        controls: risk.controls.map(frozen),
        actions: risk.actions.map(frozen),
      })),
      otherActions: facts!.otherActions.map(frozen),
      activities: facts!.activities.map(frozen),
      deviations: [],
      notes: [],
      // The decisions are the versions' own, read from them; a snapshot does not hold them.
      decisions: [],
    },
  };
}

/** JSON with the keys of every object in sorted order: the same content always gives the same text and hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export function snapshotHash(snapshot: PlanSnapshot): string {
  return createHash('sha256').update(canonicalJson(snapshot)).digest('hex');
}

/** The decision a version records: body, sammanträde date, §, diarienummer and the day it applies from. */
export interface VersionDecision {
  decisionUnitId: string | null;
  decisionDate: string | null;
  decisionParagraph: string | null;
  diarienummer: string | null;
  validFrom: string | null;
}

/**
 * Freezes the plan as it is now as its next revision (1 when it is adopted), in the caller's
 * transaction, with an audit event. `createdById` is null when the system does it (demo data).
 */
export async function freezePlan(
  tx: Transaction,
  actor: Actor,
  options: {
    tenantId: string;
    planId: string;
    unitId: string;
    reason: string | null;
    createdById: string | null;
    /** The decision that adopted this version or revision; null for a revision that keeps the decision in force. */
    decision?: VersionDecision | null;
  },
): Promise<{ id: string; revision: number; sha256: string }> {
  const [last] = await tx
    .select({ revision: planVersions.revision })
    .from(planVersions)
    .where(and(eq(planVersions.tenantId, options.tenantId), eq(planVersions.planId, options.planId)))
    .orderBy(desc(planVersions.revision))
    .limit(1);
  const revision = (last?.revision ?? 0) + 1;
  const snapshot = await currentSnapshot(tx, options.tenantId, options.planId);
  const sha256 = snapshotHash(snapshot);
  const [row] = await tx
    .insert(planVersions)
    .values({
      tenantId: options.tenantId,
      planId: options.planId,
      revision,
      reason: options.reason,
      ...(options.decision ?? {}),
      snapshot,
      sha256,
      createdById: options.createdById,
    })
    .returning({ id: planVersions.id });
  await recordAuditEvents(tx, actor, [
    {
      entityType: 'plan_version',
      entityId: row!.id,
      operation: 'create',
      unitId: options.unitId,
      changes: {
        planId: [null, options.planId],
        revision: [null, revision],
        reason: [null, options.reason],
        ...(options.decision
          ? Object.fromEntries(Object.entries(options.decision).map(([key, value]) => [key, [null, value]]))
          : {}),
        sha256: [null, sha256],
      },
    },
  ]);
  return { id: row!.id, revision, sha256 };
}

/** The largest revision the column (smallint) can hold; no plan has a revision beyond it. */
const MAX_REVISION = 32_767;

/** The snapshot of one revision, or null (also for a number no revision can have). */
export async function snapshotOf(
  db: Database,
  tenantId: string,
  planId: string,
  revision: number,
): Promise<PlanSnapshot | null> {
  // Comparing a smallint column with a larger number is an error in PostgreSQL, not "no row".
  if (
    !Number.isSafeInteger(revision) ||
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, no version has a revision below 1, so the query would find none
    revision < 1 ||
    // Stryker disable next-line EqualityOperator: equivalent, no plan reaches the column's largest revision, so asking for it finds none either way
    revision > MAX_REVISION
  ) {
    return null;
  }
  const [row] = await db
    .select({ snapshot: planVersions.snapshot })
    .from(planVersions)
    .where(
      and(eq(planVersions.tenantId, tenantId), eq(planVersions.planId, planId), eq(planVersions.revision, revision)),
    );
  return (row?.snapshot as PlanSnapshot | undefined) ?? null;
}
