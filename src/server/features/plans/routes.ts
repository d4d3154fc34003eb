import { plan, planCreate, planListQuery, planUpdate } from '../../../domain/contracts/plans.ts';
import { findReadablePlan } from '../../access/plan-scope.ts';
import { createRoute } from '@hono/zod-openapi';
import { idParams } from '../../../domain/contracts/common.ts';
import { planOverview as planOverviewContract } from '../../../domain/contracts/plan-overview.ts';
import { preferredLocale } from '../../errors.ts';
import { createRouter } from '../../http/api-router.ts';
import { json, readProblems } from '../../http/openapi-helpers.ts';
import { planOverview } from './overview.ts';
import { addStandardRoutes } from '../../http/standard-routes.ts';
import { archivePlan, createPlan, updatePlan } from './commands.ts';
import { presentPlan } from './present.ts';
import { listPlans } from './queries.ts';

/** Plans (internkontrollplaner, aktivitetsplaner): list, one, create, change, archive. */
export function planRoutes() {
  const router = createRouter();
  addStandardRoutes(router, {
    path: '/plans',
    tags: ['Plans'],
    noun: 'plan',
    output: plan,
    createInput: planCreate,
    updateInput: planUpdate,
    listQuery: planListQuery,
    present: presentPlan,
    list: listPlans,
    find: (db, access, id) => findReadablePlan(db, access, id),
    create: createPlan,
    update: updatePlan,
    archive: archivePlan,
  });
  router.openapi(
    createRoute({
      method: 'get',
      path: '/plans/{id}/overview',
      tags: ['Plans'],
      summary: 'A plan with all its risks, controls and actions and their newest follow-ups',
      request: { params: idParams },
      responses: { 200: json(planOverviewContract, 'The whole plan'), ...readProblems },
    }),
    async (c) => {
      const overview = await planOverview(c.get('database').db, c.get('access'), c.req.valid('param').id, preferredLocale(c.req.header('accept-language')));
      c.header('etag', `"${overview.plan.version}"`);
      return c.json(overview, 200);
    },
  );
  return router;
}
