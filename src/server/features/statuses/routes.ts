import { status, statusCreate, statusListQuery, statusUpdate } from '../../../domain/contracts/statuses.ts';
import { createRouter } from '../../http/api-router.ts';
import { addStandardRoutes } from '../../http/standard-routes.ts';
import { createStatus } from './create-status.ts';
import { findStatus } from './find-status.ts';
import { listStatuses } from './list-statuses.ts';
import { presentStatus } from './present.ts';
import { updateStatus } from './update-status.ts';

/** The tenant's status vocabulary: everyone reads it, the tenant administrator edits it. */
export function statusRoutes() {
  const router = createRouter();
  addStandardRoutes(router, {
    path: '/statuses',
    tags: ['Administration'],
    noun: 'status',
    output: status,
    createInput: statusCreate,
    updateInput: statusUpdate,
    listQuery: statusListQuery,
    present: presentStatus,
    list: listStatuses,
    find: (db, access, statusId) => findStatus(db, access, { statusId }),
    create: createStatus,
    update: (tx, access, statusId, version, changes) => updateStatus(tx, access, { statusId, version, changes }),
  });
  return router;
}
