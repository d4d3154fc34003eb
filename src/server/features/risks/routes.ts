import { createRoute, z } from '@hono/zod-openapi';
import { idParams } from '../../../domain/contracts/common.ts';
import { risk, riskAssessment, riskCreate, riskListQuery, riskUpdate } from '../../../domain/contracts/risks.ts';
import { preferredLocale } from '../../errors.ts';
import { createRouter } from '../../http/api-router.ts';
import { json, readProblems } from '../../http/openapi-helpers.ts';
import { addStandardRoutes } from '../../http/standard-routes.ts';
import { archiveRisk } from './archive-risk.ts';
import { createRisk } from './create-risk.ts';
import { findReadableRisk } from './find-readable-risk.ts';
import { listRiskAssessments } from './list-risk-assessments.ts';
import { listRisks } from './list-risks.ts';
import { presentRisk, withVocabularyRefs } from './present.ts';
import { updateRisk } from './update-risk.ts';

/** Risks of internkontrollplaner: list, one, create, change (assessment), archive, and the assessment history. */
export function riskRoutes() {
  const router = createRouter();
  addStandardRoutes(router, {
    path: '/risks',
    tags: ['Risks'],
    noun: 'risk',
    output: risk,
    createInput: riskCreate,
    updateInput: riskUpdate,
    listQuery: riskListQuery,
    present: presentRisk,
    list: listRisks,
    find: async (db, access, riskId) =>
      (await withVocabularyRefs(db, access.tenantId, [await findReadableRisk(db, access, { riskId })]))[0]!,
    create: createRisk,
    update: (tx, access, riskId, version, changes) => updateRisk(tx, access, { riskId, version, changes }),
    archive: (tx, access, riskId, archived) => archiveRisk(tx, access, { riskId, archived }),
  });
  router.openapi(
    createRoute({
      method: 'get',
      path: '/risks/{id}/assessments',
      tags: ['Risks'],
      summary:
        'The assessment history of a risk over the years, including the risks it was carried over from and on to',
      request: { params: idParams },
      responses: {
        200: json(z.object({ items: z.array(riskAssessment) }), 'Assessments, oldest year first'),
        ...readProblems,
      },
    }),
    async (c) => {
      const items = await listRiskAssessments(c.get('database').db, c.get('access'), {
        riskId: c.req.valid('param').id,
        locale: preferredLocale(c.req.header('accept-language')),
      });
      return c.json({ items }, 200);
    },
  );
  return router;
}
