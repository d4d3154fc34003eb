import {
  deviation,
  deviationCreate,
  deviationListQuery,
  deviationUpdate,
} from '../../../domain/contracts/deviations.ts';
import { createRouter } from '../../http/api-router.ts';
import { addStandardRoutes } from '../../http/standard-routes.ts';
import { archiveDeviation } from './archive-deviation.ts';
import { createDeviation } from './create-deviation.ts';
import { findReadableDeviation } from './find-readable-deviation.ts';
import { listDeviations } from './list-deviations.ts';
import { presentDeviation } from './present.ts';
import { updateDeviation } from './update-deviation.ts';
import { withSeverityRefs } from '../../deviations/severity-refs.ts';

/** Avvikelser found by controls: list by unit, plan, state, severity and time; record; change; close; archive. */
export function deviationRoutes() {
  const router = createRouter();
  addStandardRoutes(router, {
    path: '/deviations',
    tags: ['Deviations'],
    noun: 'deviation',
    output: deviation,
    createInput: deviationCreate,
    updateInput: deviationUpdate,
    listQuery: deviationListQuery,
    present: presentDeviation,
    list: listDeviations,
    find: async (db, access, deviationId) =>
      (await withSeverityRefs(db, access.tenantId, [await findReadableDeviation(db, access, { deviationId })]))[0]!,
    create: createDeviation,
    update: (tx, access, deviationId, version, changes) =>
      updateDeviation(tx, access, { deviationId, version, changes }),
    archive: (tx, access, deviationId, archived) => archiveDeviation(tx, access, { deviationId, archived }),
  });
  return router;
}
