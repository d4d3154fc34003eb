import { createRoute, z } from '@hono/zod-openapi';
import { and, asc, eq } from 'drizzle-orm';
import { idParams } from '../../../domain/contracts/common.ts';
import { plan } from '../../../domain/contracts/plans.ts';
import { planAdopt, planClose, planComparison, planComparisonQuery, planRevise, planVersion, planVersionParams } from '../../../domain/contracts/plan-versions.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import { findReadablePlan } from '../../access/plan-scope.ts';
import { updateAudited } from '../../audit/audited-writes.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { planVersions } from '../../db/schema/plan-versions.ts';
import { plans } from '../../db/schema/plans.ts';
import { users } from '../../db/schema/users.ts';
import { AppError, preferredLocale } from '../../errors.ts';
import { createRouter } from '../../http/api-router.ts';
import { json, jsonBody, problems, readProblems, updateProblems } from '../../http/openapi-helpers.ts';
import { presentPlan } from '../plans/present.ts';
import { comparePlanFacts } from './compare.ts';
import { currentSnapshot, freezePlan, snapshotOf } from './snapshot.ts';

const tags = ['Plans'];

function stateError(sv: string, en: string): AppError {
  return new AppError('validation_failed', { sv, en }, [{ path: 'state', message: { sv, en } }]);
}

/** Beslutad: records the decision, sets the plan adopted and freezes it as revision 1, in one transaction. */
export async function adoptPlan(tx: Transaction, access: Access, planId: string, input: z.infer<typeof planAdopt>) {
  const current = await findReadablePlan(tx, access, planId);
  access.assertRole(current.unitId, MANAGING_ROLES);
  if (current.state !== 'draft') throw stateError('Planen är redan beslutad.', 'The plan has already been adopted.');
  const decisionUnitId = input.decisionUnitId ?? current.decisionUnitId ?? current.unitId;
  const [unit] = await tx.select({ id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.tenantId, access.tenantId), eq(orgUnits.id, decisionUnitId)));
  if (!unit) throw new AppError('validation_failed', undefined, [{ path: 'decisionUnitId', message: { sv: 'Finns inte.', en: 'Does not exist.' } }]);
  const row = await updateAudited(
    tx,
    plans,
    {
      current,
      expectedVersion: input.version,
      values: {
        state: 'adopted',
        adoptedAt: access.clock.now(),
        decisionUnitId,
        decisionDate: input.decisionDate,
        ...(input.decisionParagraph === undefined ? {} : { decisionParagraph: input.decisionParagraph }),
        ...(input.diarienummer === undefined ? {} : { diarienummer: input.diarienummer }),
      },
      present: presentPlan,
      operation: 'adopt',
    },
    { actor: access.actor, entityType: 'plan', unitId: current.unitId },
  );
  await freezePlan(tx, access.actor, { tenantId: access.tenantId, planId, unitId: current.unitId, reason: null, createdById: access.userId });
  return row;
}

/**
 * A change after adoption: the plan as it is now becomes the next revision, with the reason; the
 * adopted version stays. The revision may carry a new or corrected decision (body, date, §,
 * diarienummer): it becomes the plan's decision and is frozen with this revision, the only way
 * an adopted plan's decision changes.
 */
async function revisePlan(tx: Transaction, access: Access, planId: string, input: z.infer<typeof planRevise>) {
  const current = await findReadablePlan(tx, access, planId);
  access.assertRole(current.unitId, MANAGING_ROLES);
  if (current.state !== 'adopted') throw stateError('Bara en beslutad plan revideras; en plan i utkast ändras direkt.', 'Only an adopted plan is revised; a draft is changed directly.');
  const { reason, ...decision } = input;
  const values = Object.fromEntries(Object.entries(decision).filter(([, value]) => value !== undefined));
  if (Object.keys(values).length > 0) {
    if (decision.decisionUnitId) {
      const [unit] = await tx.select({ id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.tenantId, access.tenantId), eq(orgUnits.id, decision.decisionUnitId)));
      if (!unit) throw new AppError('validation_failed', undefined, [{ path: 'decisionUnitId', message: { sv: 'Finns inte.', en: 'Does not exist.' } }]);
    }
    await updateAudited(tx, plans, { current, expectedVersion: current.version, values, present: presentPlan, operation: 'revise' }, { actor: access.actor, entityType: 'plan', unitId: current.unitId });
  }
  return freezePlan(tx, access.actor, { tenantId: access.tenantId, planId, unitId: current.unitId, reason, createdById: access.userId });
}

/** Avslutad: the year is over; the plan stays readable. */
async function closePlan(tx: Transaction, access: Access, planId: string, version: number) {
  const current = await findReadablePlan(tx, access, planId);
  access.assertRole(current.unitId, MANAGING_ROLES);
  if (current.state !== 'adopted') throw stateError('Bara en beslutad plan kan avslutas.', 'Only an adopted plan can be closed.');
  return updateAudited(tx, plans, { current, expectedVersion: version, values: { state: 'closed', closedAt: access.clock.now() }, present: presentPlan, operation: 'close' }, { actor: access.actor, entityType: 'plan', unitId: current.unitId });
}

async function listVersions(db: Database, access: Access, planId: string) {
  await findReadablePlan(db, access, planId);
  const rows = await db
    .select({ id: planVersions.id, planId: planVersions.planId, revision: planVersions.revision, reason: planVersions.reason, sha256: planVersions.sha256, createdAt: planVersions.createdAt, createdByName: users.name })
    .from(planVersions)
    .leftJoin(users, and(eq(users.tenantId, planVersions.tenantId), eq(users.id, planVersions.createdById)))
    .where(and(eq(planVersions.tenantId, access.tenantId), eq(planVersions.planId, planId)))
    .orderBy(asc(planVersions.revision));
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

/** The adopted plan, its revisions, and what changed between them and today. */
export function planVersionRoutes() {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'post',
      path: '/plans/{id}/adopt',
      tags,
      summary: 'Adopt a plan (beslutad): record the decision and freeze the plan and its risk matrix as revision 1',
      request: { params: idParams, ...jsonBody(planAdopt) },
      responses: { 200: json(plan, 'The adopted plan'), ...updateProblems },
    }),
    async (c) => {
      const access = c.get('access');
      const row = await c.get('database').db.transaction((tx) => adoptPlan(tx, access, c.req.valid('param').id, c.req.valid('json')));
      return c.json(presentPlan(row), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/plans/{id}/revisions',
      tags,
      summary: 'Record the adopted plan as changed since, with the reason and, if any, the new or corrected decision (a new revision; the adopted version stays)',
      request: { params: idParams, ...jsonBody(planRevise) },
      responses: { 201: json(planVersion, 'The new revision'), ...problems('validation_failed', 'forbidden', 'not_found') },
    }),
    async (c) => {
      const access = c.get('access');
      const planId = c.req.valid('param').id;
      const frozen = await c.get('database').db.transaction((tx) => revisePlan(tx, access, planId, c.req.valid('json')));
      const listed = await listVersions(c.get('database').db, access, planId);
      return c.json(listed.find((entry) => entry.id === frozen.id)!, 201);
    },
  );

  router.openapi(
    createRoute({ method: 'post', path: '/plans/{id}/close', tags, summary: 'Close an adopted plan (avslutad)', request: { params: idParams, ...jsonBody(planClose) }, responses: { 200: json(plan, 'The closed plan'), ...updateProblems } }),
    async (c) => {
      const access = c.get('access');
      const row = await c.get('database').db.transaction((tx) => closePlan(tx, access, c.req.valid('param').id, c.req.valid('json').version));
      return c.json(presentPlan(row), 200);
    },
  );

  router.openapi(
    createRoute({ method: 'get', path: '/plans/{id}/versions', tags, summary: 'The frozen versions of a plan: the adopted one and its revisions', request: { params: idParams }, responses: { 200: json(z.object({ items: z.array(planVersion) }), 'Versions, oldest first'), ...readProblems } }),
    async (c) => c.json({ items: await listVersions(c.get('database').db, c.get('access'), c.req.valid('param').id) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/plans/{id}/versions/{revision}',
      tags,
      summary: 'One frozen version with its snapshot (the plan’s content and risk matrix as they were)',
      request: { params: planVersionParams },
      responses: { 200: json(planVersion.extend({ snapshot: z.unknown() }), 'The version'), ...readProblems },
    }),
    async (c) => {
      const { db } = c.get('database');
      const access = c.get('access');
      const { id, revision } = c.req.valid('param');
      const version = (await listVersions(db, access, id)).find((entry) => entry.revision === revision);
      const snapshot = await snapshotOf(db, access.tenantId, id, revision);
      if (!version || !snapshot) throw new AppError('not_found');
      return c.json({ ...version, snapshot }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/plans/{id}/comparison',
      tags,
      summary: 'What changed between two versions of a plan, or between a version (by default the adopted one) and today',
      request: { params: idParams, query: planComparisonQuery },
      responses: { 200: json(planComparison, 'The changes'), ...problems('validation_failed', 'not_found') },
    }),
    async (c) => {
      const { db } = c.get('database');
      const access = c.get('access');
      const planId = c.req.valid('param').id;
      const { from, to } = c.req.valid('query');
      await findReadablePlan(db, access, planId);
      const before = await snapshotOf(db, access.tenantId, planId, from);
      if (!before) throw new AppError('validation_failed', { sv: 'Planen har ingen sådan version.', en: 'The plan has no such version.' }, [{ path: 'from', message: { sv: 'Finns inte.', en: 'Does not exist.' } }]);
      const after = to === 'current' ? await currentSnapshot(db, access.tenantId, planId) : await snapshotOf(db, access.tenantId, planId, to);
      if (!after) throw new AppError('validation_failed', { sv: 'Planen har ingen sådan version.', en: 'The plan has no such version.' }, [{ path: 'to', message: { sv: 'Finns inte.', en: 'Does not exist.' } }]);
      const sv = preferredLocale(c.req.header('accept-language')) === 'sv';
      const label = (revision: number | 'current') => (revision === 'current' ? (sv ? 'I dag' : 'Today') : revision === 1 ? (sv ? 'Beslutad' : 'Adopted') : `Revision ${revision}`);
      return c.json({ from: { revision: from, label: label(from) }, to: { revision: to, label: label(to) }, changes: comparePlanFacts(before.facts, after.facts) }, 200);
    },
  );

  return router;
}
