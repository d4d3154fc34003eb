import { createRoute, z } from '@hono/zod-openapi';
import {
  dueFollowUp,
  dueFollowUpsQuery,
  followUp,
  followUpCreate,
  followUpListQuery,
  followUpUpdate,
} from '../../../domain/contracts/follow-ups.ts';
import { createRouter } from '../../http/api-router.ts';
import { json, problems } from '../../http/openapi-helpers.ts';
import { addStandardRoutes } from '../../http/standard-routes.ts';
import { archiveFollowUp } from './archive-follow-up.ts';
import { createFollowUp } from './create-follow-up.ts';
import { findReadableFollowUp } from './find-readable-follow-up.ts';
import { listDueFollowUps } from './list-due-follow-ups.ts';
import { listFollowUps } from './list-follow-ups.ts';
import { presentFollowUp } from './present.ts';
import { updateFollowUp } from './update-follow-up.ts';

/** Uppföljningar per period of controls, actions and activities. */
export function followUpRoutes() {
  const router = createRouter();
  // Before the standard routes, so that "due" is not taken for a follow-up's id.
  router.openapi(
    createRoute({
      method: 'get',
      path: '/follow-ups/due',
      tags: ['Follow-ups'],
      summary:
        'What needs its follow-up for a reporting period (derived from the calendar, the items’ dates and checkpoints, and the follow-ups written)',
      request: { query: dueFollowUpsQuery },
      responses: {
        200: json(z.object({ items: z.array(dueFollowUp) }), 'Overdue first, then by end date'),
        ...problems('validation_failed'),
      },
    }),
    async (c) =>
      c.json({ items: await listDueFollowUps(c.get('database').db, c.get('access'), c.req.valid('query')) }, 200),
  );
  addStandardRoutes(router, {
    path: '/follow-ups',
    tags: ['Follow-ups'],
    noun: 'follow-up',
    output: followUp,
    createInput: followUpCreate,
    updateInput: followUpUpdate,
    listQuery: followUpListQuery,
    present: presentFollowUp,
    list: listFollowUps,
    find: (db, access, followUpId) => findReadableFollowUp(db, access, { followUpId }),
    create: createFollowUp,
    update: (tx, access, followUpId, version, changes) => updateFollowUp(tx, access, { followUpId, version, changes }),
    archive: (tx, access, followUpId, archived) => archiveFollowUp(tx, access, { followUpId, archived }),
  });
  return router;
}
