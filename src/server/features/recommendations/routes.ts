import { createRoute } from '@hono/zod-openapi';
import { idParams } from '../../../domain/contracts/common.ts';
import {
  recommendation,
  recommendationAddressee,
  recommendationAddresseeCreate,
  recommendationAddresseeUpdate,
  recommendationCreate,
  recommendationListQuery,
  recommendationUpdate,
} from '../../../domain/contracts/recommendations.ts';
import { expectedVersion } from '../../audit/audited-writes.ts';
import { createRouter } from '../../http/api-router.ts';
import { createProblems, json, jsonBody, readProblems, updateProblems } from '../../http/openapi-helpers.ts';
import { addStandardRoutes } from '../../http/standard-routes.ts';
import { addAddressee, changeAddressee, findReadableAddressee, removeAddressee } from './addressees.ts';
import { archiveRecommendation } from './archive-recommendation.ts';
import { createRecommendation } from './create-recommendation.ts';
import { attachAddressees, findReadableRecommendation } from './find-readable-recommendation.ts';
import { listRecommendations } from './list-recommendations.ts';
import { presentAddressee, presentRecommendation } from './present.ts';
import { updateRecommendation } from './update-recommendation.ts';

const tags = ['Reviews'];

/**
 * Recommendations of reviews and auditors: recommendation (and its sub-recommendations) → the
 * answer of each addressed nämnd → what was done → status.
 */
export function recommendationRoutes() {
  const router = createRouter();
  addStandardRoutes(router, {
    path: '/recommendations',
    tags,
    noun: 'recommendation',
    output: recommendation,
    createInput: recommendationCreate,
    updateInput: recommendationUpdate,
    listQuery: recommendationListQuery,
    present: presentRecommendation,
    list: listRecommendations,
    find: (db, access, recommendationId) => findReadableRecommendation(db, access, { recommendationId }),
    create: async (tx, access, input) => {
      const [row] = await attachAddressees(tx, access.tenantId, [
        (await createRecommendation(tx, access, input)) as { id: string },
      ]);
      return row!;
    },
    update: async (tx, access, recommendationId, version, changes) => {
      const [row] = await attachAddressees(tx, access.tenantId, [
        (await updateRecommendation(tx, access, { recommendationId, version, changes })) as { id: string },
      ]);
      return row!;
    },
    archive: async (tx, access, recommendationId, archived) => {
      const [row] = await attachAddressees(tx, access.tenantId, [
        (await archiveRecommendation(tx, access, { recommendationId, archived })) as { id: string },
      ]);
      return row!;
    },
  });

  router.openapi(
    createRoute({
      method: 'post',
      path: '/recommendations/{id}/addressees',
      tags,
      summary: 'Address a recommendation to a nämnd (one more unit of a review that spans several)',
      request: { params: idParams, ...jsonBody(recommendationAddresseeCreate) },
      responses: { 201: json(recommendationAddressee, 'The addressee'), ...createProblems },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const row = await c.get('database').db.transaction((tx) => addAddressee(tx, c.get('access'), id, input));
      return c.json(presentAddressee(row), 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/recommendation-addressees/{id}',
      tags,
      summary: 'One addressed nämnd of a recommendation, with its answer',
      request: { params: idParams },
      responses: { 200: json(recommendationAddressee, 'The addressee'), ...readProblems },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const row = await findReadableAddressee(c.get('database').db, c.get('access'), id);
      c.header('etag', `"${String(row.version)}"`);
      return c.json(presentAddressee(row), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/recommendation-addressees/{id}',
      tags,
      summary: 'Write an addressed nämnd’s answer, actions taken, due date and status',
      request: { params: idParams, ...jsonBody(recommendationAddresseeUpdate) },
      responses: { 200: json(recommendationAddressee, 'Changed'), ...updateProblems },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { version, ...changes } = c.req.valid('json');
      const expected = expectedVersion(version, c.req.header('if-match'));
      const row = await c
        .get('database')
        .db.transaction((tx) => changeAddressee(tx, c.get('access'), id, expected, changes));
      return c.json(presentAddressee(row), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'delete',
      path: '/recommendation-addressees/{id}',
      tags,
      summary: 'Take back an addressee added by mistake, while it has no answer (kept in the audit log)',
      request: { params: idParams },
      responses: { 204: { description: 'Removed' }, ...updateProblems },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await c.get('database').db.transaction((tx) => removeAddressee(tx, c.get('access'), id));
      return c.body(null, 204);
    },
  );
  return router;
}
