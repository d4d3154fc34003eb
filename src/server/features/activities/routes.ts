import { sql } from 'drizzle-orm';
import {
  activity,
  activityCreate,
  activityListQuery,
  activityUpdate,
  focusArea,
  focusAreaCreate,
  focusAreaListQuery,
  focusAreaUpdate,
  subActivity,
  subActivityCreate,
  subActivityListQuery,
  subActivityUpdate,
} from '../../../domain/contracts/activities.ts';
import { activities } from '../../db/schema/activities.ts';
import { createRouter } from '../../http/api-router.ts';
import { addStandardRoutes } from '../../http/standard-routes.ts';
import { archiveItem, findReadableItem, listItems } from '../../plan-items/item-commands.ts';
import {
  activitySpec,
  findReadableSubActivity,
  presentActivity,
  presentFocusArea,
  presentSubActivity,
} from './activity-rules.ts';
import { archiveSubActivity } from './archive-sub-activity.ts';
import { createActivity } from './create-activity.ts';
import { createFocusArea } from './create-focus-area.ts';
import { createSubActivity } from './create-sub-activity.ts';
import { findFocusArea } from './find-focus-area.ts';
import { listFocusAreas } from './list-focus-areas.ts';
import { listSubActivities } from './list-sub-activities.ts';
import { updateActivity } from './update-activity.ts';
import { updateFocusArea } from './update-focus-area.ts';
import { updateSubActivity } from './update-sub-activity.ts';

/** Activities of aktivitetsplaner (with focus areas and sub-activities), sub-activities, and the tenant's focus areas. */
export function activityRoutes() {
  const router = createRouter();
  addStandardRoutes(router, {
    path: '/activities',
    tags: ['Activities'],
    noun: 'activity',
    output: activity,
    createInput: activityCreate,
    updateInput: activityUpdate,
    listQuery: activityListQuery,
    present: presentActivity,
    list: (db, access, query) =>
      listItems(
        db,
        access,
        activitySpec,
        query,
        query.focusAreaId
          ? [
              sql`exists (select 1 from activity_focus_areas t where t.tenant_id = ${access.tenantId} and t.activity_id = ${activities.id} and t.focus_area_id = ${query.focusAreaId})`,
            ]
          : [],
      ),
    find: (db, access, id) => findReadableItem(db, access, activitySpec, id),
    create: createActivity,
    update: (tx, access, activityId, version, changes) => updateActivity(tx, access, { activityId, version, changes }),
    archive: (tx, access, itemId, archived) => archiveItem(tx, access, activitySpec, { itemId, archived }),
  });

  addStandardRoutes(router, {
    path: '/sub-activities',
    tags: ['Activities'],
    noun: 'sub-activity',
    output: subActivity,
    createInput: subActivityCreate,
    updateInput: subActivityUpdate,
    listQuery: subActivityListQuery,
    present: presentSubActivity,
    list: listSubActivities,
    find: async (db, access, id) => (await findReadableSubActivity(db, access, id)).row,
    create: createSubActivity,
    update: (tx, access, subActivityId, version, changes) =>
      updateSubActivity(tx, access, { subActivityId, version, changes }),
    archive: (tx, access, subActivityId, archived) => archiveSubActivity(tx, access, { subActivityId, archived }),
  });

  addStandardRoutes(router, {
    path: '/focus-areas',
    tags: ['Activities'],
    noun: 'focus area',
    output: focusArea,
    createInput: focusAreaCreate,
    updateInput: focusAreaUpdate,
    listQuery: focusAreaListQuery,
    present: presentFocusArea,
    list: listFocusAreas,
    find: (db, access, focusAreaId) => findFocusArea(db, access, { focusAreaId }),
    create: createFocusArea,
    update: (tx, access, focusAreaId, version, changes) =>
      updateFocusArea(tx, access, { focusAreaId, version, changes }),
  });
  return router;
}
