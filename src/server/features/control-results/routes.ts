import {
  controlResult,
  controlResultCreate,
  controlResultListQuery,
  controlResultUpdate,
} from '../../../domain/contracts/control-results.ts';
import { createRouter } from '../../http/api-router.ts';
import { addStandardRoutes } from '../../http/standard-routes.ts';
import { archiveControlResult } from './archive-control-result.ts';
import { withDeviationIds } from './control-result-rules.ts';
import { createControlResult } from './create-control-result.ts';
import { findReadableControlResult } from './find-readable-control-result.ts';
import { listControlResults } from './list-control-results.ts';
import { presentControlResult } from './present.ts';
import { updateControlResult } from './update-control-result.ts';

/**
 * Results per period (genomförd utan anmärkning, med avvikelse, ej genomförd): list by unit,
 * control, period, plan and outcome; record (with the deviations found); change; archive.
 */
export function controlResultRoutes() {
  const router = createRouter();
  addStandardRoutes(router, {
    path: '/control-results',
    tags: ['Control results'],
    noun: 'control result',
    output: controlResult,
    createInput: controlResultCreate,
    updateInput: controlResultUpdate,
    listQuery: controlResultListQuery,
    present: presentControlResult,
    list: listControlResults,
    find: async (db, access, resultId) => {
      const [shown] = await withDeviationIds(db, access.tenantId, [
        await findReadableControlResult(db, access, { resultId }),
      ]);
      return shown!;
    },
    create: createControlResult,
    update: (tx, access, resultId, version, changes) => updateControlResult(tx, access, { resultId, version, changes }),
    archive: (tx, access, resultId, archived) => archiveControlResult(tx, access, { resultId, archived }),
  });
  return router;
}
