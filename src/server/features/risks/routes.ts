import { risk, riskCreate, riskListQuery, riskUpdate } from '../../../domain/contracts/risks.ts';
import { createRouter } from '../../http/api-router.ts';
import { addStandardRoutes } from '../../http/standard-routes.ts';
import { archiveRisk, createRisk, findReadableRisk, updateRisk } from './commands.ts';
import { presentRisk } from './present.ts';
import { listRisks } from './queries.ts';

/** Risks of internkontrollplaner: list, one, create, change (assessment), archive. */
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
    find: findReadableRisk,
    create: createRisk,
    update: updateRisk,
    archive: archiveRisk,
  });
  return router;
}
