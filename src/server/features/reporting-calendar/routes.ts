import { createRoute } from '@hono/zod-openapi';
import { idParams } from '../../../domain/contracts/common.ts';
import {
  calendarEvent,
  calendarEventCreate,
  calendarEventUpdate,
  eventListQuery,
  periodListQuery,
  reportingCalendar,
  reportingCalendarQuery,
  reportingPeriod,
  reportingPeriodCreate,
  reportingPeriodUpdate,
} from '../../../domain/contracts/reporting-calendar.ts';
import { createRouter } from '../../http/api-router.ts';
import { json, problems, updateProblems } from '../../http/openapi-helpers.ts';
import { addStandardRoutes } from '../../http/standard-routes.ts';
import { createCalendarEvent } from './create-calendar-event.ts';
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
