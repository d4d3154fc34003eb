import { createRoute, z } from '@hono/zod-openapi';
import {
  dueFollowUp,
  dueFollowUpsQuery,
  followUp,
  followUpApprove,
  followUpCreate,
  followUpListQuery,
  followUpReturn,
  followUpSubmit,
  followUpUpdate,
} from '../../../domain/contracts/follow-ups.ts';
import { createRouter } from '../../http/api-router.ts';
import { expectedVersion } from '../../audit/audited-writes.ts';
import { idParams } from '../../../domain/contracts/common.ts';
import { json, jsonBody, problems } from '../../http/openapi-helpers.ts';
import { addStandardRoutes } from '../../http/standard-routes.ts';
import { archiveFollowUp } from './archive-follow-up.ts';
import { createFollowUp } from './create-follow-up.ts';
import { findReadableFollowUp } from './find-readable-follow-up.ts';
import { listDueFollowUps } from './list-due-follow-ups.ts';
import { listFollowUps } from './list-follow-ups.ts';
import { presentFollowUp } from './present.ts';
import { approveFollowUp, returnFollowUp, submitFollowUp } from './review-follow-up.ts';
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
  const reviewProblems = problems('validation_failed', 'forbidden', 'not_found', 'conflict', 'not_yet');
  router.openapi(
    createRoute({
      method: 'post',
      path: '/follow-ups/{id}/submit',
      tags: ['Follow-ups'],
      summary: 'Submit a draft or returned follow-up for review (skicka in); version in the body or If-Match',
      request: { params: idParams, ...jsonBody(followUpSubmit) },
      responses: { 200: json(followUp, 'The submitted follow-up'), ...reviewProblems },
    }),
    async (c) => {
      const access = c.get('access');
      const version = expectedVersion(c.req.valid('json').version, c.req.header('if-match'));
      const row = await c
        .get('database')
        .db.transaction((tx) => submitFollowUp(tx, access, { followUpId: c.req.valid('param').id, version }));
      return c.json(presentFollowUp(row), 200);
    },
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/follow-ups/{id}/return',
      tags: ['Follow-ups'],
      summary:
        'Send a follow-up back to its author with a comment (skicka tillbaka): the unit’s managers, or its chef (the holder of a manager function today) for others’ follow-ups',
      request: { params: idParams, ...jsonBody(followUpReturn) },
      responses: { 200: json(followUp, 'The returned follow-up'), ...reviewProblems },
    }),
    async (c) => {
      const access = c.get('access');
      const body = c.req.valid('json');
      const version = expectedVersion(body.version, c.req.header('if-match'));
      const row = await c
        .get('database')
        .db.transaction((tx) =>
          returnFollowUp(tx, access, { followUpId: c.req.valid('param').id, version, comment: body.comment }),
        );
      return c.json(presentFollowUp(row), 200);
    },
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/follow-ups/{id}/approve',
      tags: ['Follow-ups'],
      summary:
        'Approve a submitted follow-up (godkänn), with a comment if wanted: the unit’s managers, or its chef (the holder of a manager function today) for others’ follow-ups',
      request: { params: idParams, ...jsonBody(followUpApprove) },
      responses: { 200: json(followUp, 'The approved follow-up'), ...reviewProblems },
    }),
    async (c) => {
      const access = c.get('access');
      const body = c.req.valid('json');
      const version = expectedVersion(body.version, c.req.header('if-match'));
      const row = await c
        .get('database')
        .db.transaction((tx) =>
          approveFollowUp(tx, access, { followUpId: c.req.valid('param').id, version, comment: body.comment }),
        );
      return c.json(presentFollowUp(row), 200);
    },
  );
  return router;
}
