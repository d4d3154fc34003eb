import { eq } from 'drizzle-orm';
import { action, actionCreate, actionListQuery, actionUpdate } from '../../../domain/contracts/actions.ts';
import { actions } from '../../db/schema/actions.ts';
import { createRouter } from '../../http/api-router.ts';
import { addStandardRoutes } from '../../http/standard-routes.ts';
import { archiveItem, findReadableItem, listItems } from '../../plan-items/item-commands.ts';
import { actionSpec, presentAction } from './action-rules.ts';
import { createAction } from './create-action.ts';
import { updateAction } from './update-action.ts';

/** Åtgärder: list with filters, one, create, change, archive. */
export function actionRoutes() {
  const router = createRouter();
  addStandardRoutes(router, {
    path: '/actions',
    tags: ['Actions'],
    noun: 'action',
    output: action,
    createInput: actionCreate,
    updateInput: actionUpdate,
    listQuery: actionListQuery,
    present: presentAction,
    list: (db, access, query) =>
      listItems(db, access, actionSpec, query, [
        ...(query.riskId ? [eq(actions.riskId, query.riskId)] : []),
        ...(query.reviewId ? [eq(actions.reviewId, query.reviewId)] : []),
      ]),
    find: (db, access, id) => findReadableItem(db, access, actionSpec, id),
    create: createAction,
    update: (tx, access, actionId, version, changes) => updateAction(tx, access, { actionId, version, changes }),
    archive: (tx, access, itemId, archived) => archiveItem(tx, access, actionSpec, { itemId, archived }),
  });
  return router;
}
