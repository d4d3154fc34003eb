import { createRoute } from '@hono/zod-openapi';
import {
  followUpBoard,
  followUpBoardQuery,
  followUpReminder,
  followUpReminderCreate,
} from '../../../domain/contracts/follow-up-board.ts';
import { createRouter } from '../../http/api-router.ts';
import { json, jsonBody, problems } from '../../http/openapi-helpers.ts';
import { readFollowUpBoard } from './period-board.ts';
import { sendFollowUpReminder } from './send-reminder.ts';

/** Periodens uppföljning: the coordinator's board of a unit's follow-ups for a period, and Påminn. */
export function followUpBoardRoutes() {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'get',
      path: '/follow-up-board',
      tags: ['Follow-ups'],
      summary:
        'Periodens uppföljning: per item of the unit’s plans (and those below) that is followed up in the period, whether its follow-up is written, missing, overdue, sent back or approved, who answers for it and when they were last reminded (coordinators and administrators of the unit)',
      request: { query: followUpBoardQuery },
      responses: {
        200: json(followUpBoard, 'Overdue first, then sent back, missing, written and approved'),
        ...problems('validation_failed', 'forbidden', 'not_found'),
      },
    }),
    async (c) => c.json(await readFollowUpBoard(c.get('database').db, c.get('access'), c.req.valid('query')), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/follow-up-board/reminders',
      tags: ['Follow-ups'],
      summary:
        'Påminn: a reminder through the outbox to those who answer for an item whose follow-up for the period is missing, overdue or sent back; once a day per person and item (pressing again the same day writes nothing new)',
      request: { ...jsonBody(followUpReminderCreate) },
      responses: {
        200: json(followUpReminder, 'The reminder, and when it was sent'),
        ...problems('validation_failed', 'forbidden', 'not_found', 'not_yet'),
      },
    }),
    async (c) => {
      const access = c.get('access');
      const body = c.req.valid('json');
      const result = await c.get('database').db.transaction((tx) => sendFollowUpReminder(tx, access, body));
      return c.json(result, 200);
    },
  );
  return router;
}
