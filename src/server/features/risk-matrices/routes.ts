import {
  riskMatrix,
  riskMatrixCreate,
  riskMatrixListQuery,
  riskMatrixUpdate,
} from '../../../domain/contracts/risk-matrices.ts';
import { createRouter } from '../../http/api-router.ts';
import { addStandardRoutes } from '../../http/standard-routes.ts';
import { createRiskMatrix } from './create-risk-matrix.ts';
import { findRiskMatrix } from './find-risk-matrix.ts';
import { listRiskMatrices } from './list-risk-matrices.ts';
import { presentRiskMatrix } from './present.ts';
import { updateRiskMatrix } from './update-risk-matrix.ts';

/** The tenant's risk-matrix versions: everyone reads them, the tenant administrator edits them. */
export function riskMatrixRoutes() {
  const router = createRouter();
  addStandardRoutes(router, {
    path: '/risk-matrices',
    tags: ['Administration'],
    noun: 'risk matrix',
    output: riskMatrix,
    createInput: riskMatrixCreate,
    updateInput: riskMatrixUpdate,
    listQuery: riskMatrixListQuery,
    present: presentRiskMatrix,
    list: listRiskMatrices,
    find: (db, access, riskMatrixId) => findRiskMatrix(db, access, { riskMatrixId }),
    create: createRiskMatrix,
    update: (tx, access, riskMatrixId, version, changes) =>
      updateRiskMatrix(tx, access, { riskMatrixId, version, changes }),
  });
  return router;
}
