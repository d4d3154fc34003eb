import { createRoute } from '@hono/zod-openapi';
import { idParams } from '../../../domain/contracts/common.ts';
import {
  calendarEvent,
  calendarEventCreate,
  calendarEventUpdate,
  copyMeetingsInput,
  copyMeetingsResult,
  eventListQuery,
  periodListQuery,
  reportingCalendar,
  reportingCalendarQuery,
  reportingPeriod,
  reportingPeriodCreate,
  reportingPeriodUpdate,
  standardPeriodsInput,
  standardPeriodsResult,
} from '../../../domain/contracts/reporting-calendar.ts';
import { createRouter } from '../../http/api-router.ts';
import { json, problems, updateProblems } from '../../http/openapi-helpers.ts';
import { addStandardRoutes } from '../../http/standard-routes.ts';
import { copyMeetings } from './copy-meetings.ts';
import { createCalendarEvent } from './create-calendar-event.ts';
import { generateStandardPeriods } from './generate-standard-periods.ts';
import { createReportingPeriod } from './create-reporting-period.ts';
import { deleteCalendarEvent } from './delete-calendar-event.ts';
import { findCalendarEvent } from './find-calendar-event.ts';
import { findReportingPeriod } from './find-reporting-period.ts';
import { listCalendarEvents } from './list-calendar-events.ts';
import { listReportingCalendar } from './list-reporting-calendar.ts';
import { listReportingPeriods } from './list-reporting-periods.ts';
import { presentEvent, presentPeriod } from './present.ts';
import { updateCalendarEvent } from './update-calendar-event.ts';
import { updateReportingPeriod } from './update-reporting-period.ts';

const tags = ['Reporting calendar'];

/** The årshjul: reporting periods (tenant administrator) and meetings and deadlines (the unit's coordinators). */
export function reportingCalendarRoutes() {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/reporting-calendar',
      tags,
      summary: 'The årshjul: periods and the meetings and deadlines you may see',
      request: { query: reportingCalendarQuery },
      responses: { 200: json(reportingCalendar, 'Periods and events by date'), ...problems('validation_failed') },
    }),
    async (c) => {
      const { periods, events } = await listReportingCalendar(
        c.get('database').db,
        c.get('access'),
        c.req.valid('query'),
      );
      return c.json({ periods: periods.map(presentPeriod), events: events.map(presentEvent) }, 200);
    },
  );

  addStandardRoutes(router, {
    path: '/reporting-calendar/periods',
    tags,
    noun: 'reporting period',
    output: reportingPeriod,
    createInput: reportingPeriodCreate,
    updateInput: reportingPeriodUpdate,
    listQuery: periodListQuery,
    present: presentPeriod,
    list: listReportingPeriods,
    find: (db, access, periodId) => findReportingPeriod(db, access, { periodId }),
    create: createReportingPeriod,
    update: (tx, access, periodId, version, changes) =>
      updateReportingPeriod(tx, access, { periodId, version, changes }),
  });

  addStandardRoutes(router, {
    path: '/reporting-calendar/events',
    tags,
    noun: 'calendar event',
    output: calendarEvent,
    createInput: calendarEventCreate,
    updateInput: calendarEventUpdate,
    listQuery: eventListQuery,
    present: presentEvent,
    list: listCalendarEvents,
    find: (db, access, eventId) => findCalendarEvent(db, access, { eventId }),
    create: createCalendarEvent,
    update: (tx, access, eventId, version, changes) => updateCalendarEvent(tx, access, { eventId, version, changes }),
  });

  router.openapi(
    createRoute({
      method: 'post',
      path: '/reporting-calendar/periods/standard',
      tags,
      summary: 'Give a year its standard periods (tertial 1–3, halvår 1–2, helår); those it has are kept',
      request: { body: { content: { 'application/json': { schema: standardPeriodsInput } }, required: true } },
      responses: {
        200: json(standardPeriodsResult, 'The periods made and those kept'),
        ...problems('validation_failed', 'forbidden'),
      },
    }),
    async (c) => {
      const access = c.get('access');
      const input = c.req.valid('json');
      const { created, kept } = await c
        .get('database')
        .db.transaction((tx) => generateStandardPeriods(tx, access, input));
      return c.json({ created: created.map(presentPeriod), kept: kept.map(presentPeriod) }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/reporting-calendar/events/copy-meetings',
      tags,
      summary: 'Copy the meetings of the year before into a year (same weekday of the same week)',
      request: { body: { content: { 'application/json': { schema: copyMeetingsInput } }, required: true } },
      responses: {
        200: json(copyMeetingsResult, 'The meetings made and how many the year already had'),
        ...problems('validation_failed', 'forbidden'),
      },
    }),
    async (c) => {
      const access = c.get('access');
      const input = c.req.valid('json');
      const { created, skipped } = await c.get('database').db.transaction((tx) => copyMeetings(tx, access, input));
      return c.json({ created: created.map(presentEvent), skipped }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'delete',
      path: '/reporting-calendar/events/{id}',
      tags,
      summary: 'Remove a meeting or deadline entered by mistake (kept in the audit log)',
      request: { params: idParams },
      responses: { 204: { description: 'Removed' }, ...updateProblems },
    }),
    async (c) => {
      const access = c.get('access');
      const { id } = c.req.valid('param');
      await c.get('database').db.transaction((tx) => deleteCalendarEvent(tx, access, { eventId: id }));
      return c.body(null, 204);
    },
  );
  return router;
}
