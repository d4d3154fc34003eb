import { createRoute, z } from '@hono/zod-openapi';
import { idParams } from '../../../domain/contracts/common.ts';
import { planOverview as planOverviewContract } from '../../../domain/contracts/plan-overview.ts';
import {
  planAdopt,
  planClose,
  planComparison,
  planComparisonQuery,
  planRevise,
  planVersion,
  planVersionParams,
} from '../../../domain/contracts/plan-versions.ts';
import { plan, planCreate, planListQuery, planUpdate } from '../../../domain/contracts/plans.ts';
import { planCarryOver, planRollOver, planRolledOver } from '../../../domain/contracts/roll-over.ts';
import { findReadablePlan } from '../../access/plan-scope.ts';
import { preferredLocale } from '../../errors.ts';
import { createRouter } from '../../http/api-router.ts';
import { json, jsonBody, problems, readProblems, updateProblems } from '../../http/openapi-helpers.ts';
import { addStandardRoutes } from '../../http/standard-routes.ts';
import { adoptPlan } from './adopt-plan.ts';
import { archivePlan } from './archive-plan.ts';
import { closePlan } from './close-plan.ts';
import { comparePlanVersions } from './compare-plan-versions.ts';
import { createPlan } from './create-plan.ts';
import { findCarryOverLinks } from './find-carry-over-links.ts';
import { findPlanVersion, listPlanVersions } from './list-plan-versions.ts';
import { listPlans } from './list-plans.ts';
import { planOverview } from './plan-overview.ts';
import { presentPlan } from './present.ts';
import { revisePlan } from './revise-plan.ts';
import { rollOverPlan } from './roll-over-plan.ts';
import { updatePlan } from './update-plan.ts';

const tags = ['Plans'];

/**
 * Plans (internkontrollplaner, aktivitetsplaner): list, one, create, change, archive; the whole
 * plan at a glance; its life cycle (adopt, revise, close, roll over into next year) and the
 * versions and carry-over links that life cycle leaves.
 */
export function planRoutes() {
  const router = createRouter();
  addStandardRoutes(router, {
    path: '/plans',
    tags,
    noun: 'plan',
    output: plan,
    createInput: planCreate,
    updateInput: planUpdate,
    listQuery: planListQuery,
    present: presentPlan,
    list: listPlans,
    find: (db, access, id) => findReadablePlan(db, access, id),
    create: createPlan,
    update: (tx, access, planId, version, changes) => updatePlan(tx, access, { planId, version, changes }),
    archive: (tx, access, planId, archived) => archivePlan(tx, access, { planId, archived }),
  });

  router.openapi(
    createRoute({
      method: 'get',
      path: '/plans/{id}/overview',
      tags,
      summary: 'A plan with all its risks, controls and actions and their newest follow-ups',
      request: { params: idParams },
      responses: { 200: json(planOverviewContract, 'The whole plan'), ...readProblems },
    }),
    async (c) => {
      const overview = await planOverview(c.get('database').db, c.get('access'), {
        planId: c.req.valid('param').id,
        locale: preferredLocale(c.req.header('accept-language')),
      });
      c.header('etag', `"${overview.plan.version}"`);
      return c.json(overview, 200);
    },
  );

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
      const row = await c
        .get('database')
        .db.transaction((tx) => adoptPlan(tx, access, { planId: c.req.valid('param').id, ...c.req.valid('json') }));
      return c.json(presentPlan(row), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/plans/{id}/revisions',
      tags,
      summary:
        'Record the adopted plan as changed since, with the reason and, if any, the new or corrected decision (a new revision; the adopted version stays)',
      request: { params: idParams, ...jsonBody(planRevise) },
      responses: {
        201: json(planVersion, 'The new revision'),
        ...problems('validation_failed', 'forbidden', 'not_found'),
      },
    }),
    async (c) => {
      const access = c.get('access');
      const planId = c.req.valid('param').id;
      const frozen = await c
        .get('database')
        .db.transaction((tx) => revisePlan(tx, access, { planId, ...c.req.valid('json') }));
      const listed = await listPlanVersions(c.get('database').db, access, { planId });
      return c.json(
        listed.find((entry) => entry.id === frozen.id)!,
        201,
      );
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/plans/{id}/close',
      tags,
      summary: 'Close an adopted plan (avslutad)',
      request: { params: idParams, ...jsonBody(planClose) },
      responses: { 200: json(plan, 'The closed plan'), ...updateProblems },
    }),
    async (c) => {
      const access = c.get('access');
      const row = await c
        .get('database')
        .db.transaction((tx) =>
          closePlan(tx, access, { planId: c.req.valid('param').id, version: c.req.valid('json').version }),
        );
      return c.json(presentPlan(row), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/plans/{id}/versions',
      tags,
      summary: 'The frozen versions of a plan: the adopted one and its revisions',
      request: { params: idParams },
      responses: { 200: json(z.object({ items: z.array(planVersion) }), 'Versions, oldest first'), ...readProblems },
    }),
    async (c) =>
      c.json(
        { items: await listPlanVersions(c.get('database').db, c.get('access'), { planId: c.req.valid('param').id }) },
        200,
      ),
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
      const { id, revision } = c.req.valid('param');
      return c.json(await findPlanVersion(c.get('database').db, c.get('access'), { planId: id, revision }), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/plans/{id}/comparison',
      tags,
      summary:
        'What changed between two versions of a plan, or between a version (by default the adopted one) and today',
      request: { params: idParams, query: planComparisonQuery },
      responses: { 200: json(planComparison, 'The changes'), ...problems('validation_failed', 'not_found') },
    }),
    async (c) => {
      const { from, to } = c.req.valid('query');
      const locale = preferredLocale(c.req.header('accept-language'));
      return c.json(
        await comparePlanVersions(c.get('database').db, c.get('access'), {
          planId: c.req.valid('param').id,
          from,
          to,
          locale,
        }),
        200,
      );
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/plans/{id}/roll-over',
      tags,
      summary:
        'Create next year’s plan from this one: risks for re-assessment, unfinished actions, activities and sub-activities carried over with links both ways',
      request: { params: idParams, ...jsonBody(planRollOver) },
      responses: {
        201: json(planRolledOver, 'The new plan and what was carried over'),
        ...problems('validation_failed', 'forbidden', 'not_found'),
      },
    }),
    async (c) => {
      const access = c.get('access');
      const result = await c
        .get('database')
        .db.transaction((tx) => rollOverPlan(tx, access, { planId: c.req.valid('param').id, ...c.req.valid('json') }));
      return c.json(result, 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/plans/{id}/carry-over',
      tags,
      summary: 'Where the plan’s items came from and where they were carried over to',
      request: { params: idParams },
      responses: { 200: json(planCarryOver, 'Links both ways'), ...readProblems },
    }),
    async (c) =>
      c.json(await findCarryOverLinks(c.get('database').db, c.get('access'), { planId: c.req.valid('param').id }), 200),
  );

  return router;
}
