import { eq } from 'drizzle-orm';
import { control, controlCreate, controlListQuery, controlUpdate } from '../../../domain/contracts/controls.ts';
import { controls } from '../../db/schema/controls.ts';
import { createRouter } from '../../http/api-router.ts';
import { addStandardRoutes } from '../../http/standard-routes.ts';
import { archiveItem, findReadableItem, listItems } from '../../plan-items/item-commands.ts';
import { controlSpec, presentControl } from './control-rules.ts';
import { createControl } from './create-control.ts';
import { updateControl } from './update-control.ts';

/** Kontroller (kontrollmoment) of risks: list with filters, one, create, change, archive. */
export function controlRoutes() {
  const router = createRouter();
  addStandardRoutes(router, {
    path: '/controls',
    tags: ['Controls'],
    noun: 'control',
    output: control,
    createInput: controlCreate,
    updateInput: controlUpdate,
    listQuery: controlListQuery,
    present: presentControl,
    list: (db, access, query) =>
      listItems(db, access, controlSpec, query, [
        ...(query.riskId ? [eq(controls.riskId, query.riskId)] : []),
        ...(query.methodId ? [eq(controls.methodId, query.methodId)] : []),
      ]),
    find: (db, access, id) => findReadableItem(db, access, controlSpec, id),
    create: createControl,
    update: (tx, access, controlId, version, changes) => updateControl(tx, access, { controlId, version, changes }),
    archive: (tx, access, itemId, archived) => archiveItem(tx, access, controlSpec, { itemId, archived }),
  });
  return router;
}
