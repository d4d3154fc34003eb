import { z } from 'zod';
import { CALENDAR_EVENT_KINDS, DATE_PRECISIONS } from '../calendar-event.ts';
import { REPORTING_PERIOD_KINDS } from '../reporting-period.ts';
import { ROLES } from '../role.ts';
import { calendarDate, editableFields, id, markdown, shortText, year } from './common.ts';

/** A period the tenant follows up in (Kvartal 3 2020, Delår, Helår …). */
export const reportingPeriod = z
  .object({
    id,
    kind: z.enum(REPORTING_PERIOD_KINDS),
    year: z.int(),
    number: z.int().nullable(),
    name: z.string().nullable().meta({
      description:
        'Required for custom periods; optional for the others, to have several of one kind in a year (e.g. "Delår 1", "Delår 2").',
    }),
    label: z.string().meta({ description: 'The name reports print, e.g. "Kvartal 3 2020".' }),
    labelEn: z.string().meta({ description: 'The same in English, e.g. "Quarter 3 2020".' }),
    startDate: z.string(),
    endDate: z.string(),
    ...editableFields,
  })
  .meta({ id: 'ReportingPeriod' });

/** A nämnd or kommunstyrelse meeting (with what is to be discussed) or a deadline of the årshjul. */
export const calendarEvent = z
  .object({
    id,
    kind: z.enum(CALENDAR_EVENT_KINDS),
    year: z.int(),
    unitId: id.nullable().meta({ description: 'Whose meeting or deadline; null for the whole tenant.' }),
    periodId: id.nullable(),
    role: z.enum(ROLES).nullable().meta({ description: 'For deadlines: the role that must have reported by then.' }),
    date: z.string(),
    datePrecision: z.enum(DATE_PRECISIONS).meta({ description: '"month" when only the month is decided.' }),
    title: z.string(),
    agenda: z.string().nullable().meta({ description: '"Att diskutera", Markdown.' }),
    ...editableFields,
  })
  .meta({ id: 'CalendarEvent' });

export const reportingCalendar = z
  .object({ periods: z.array(reportingPeriod), events: z.array(calendarEvent) })
  .meta({ id: 'ReportingCalendar', description: 'The årshjul: periods and the events the caller may see, by date.' });

export const periodListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
});

export const eventListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  unitId: id.optional().meta({ description: 'Only events of this unit (and tenant-wide ones).' }),
});

export const reportingCalendarQuery = z.strictObject({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  unitId: id.optional().meta({ description: 'Only events of this unit (and tenant-wide ones).' }),
});

export const reportingPeriodCreate = z
  .strictObject({
    kind: z.enum(REPORTING_PERIOD_KINDS),
    year,
    number: z.int().min(1).max(12).nullable().optional(),
    name: shortText.nullable().optional().meta({
      description:
        'Required for a custom period. A standard period may have one, to tell several of one kind and year apart.',
    }),
    startDate: calendarDate.optional().meta({ description: 'Defaults to the standard dates of the kind.' }),
    endDate: calendarDate.optional(),
  })
  .meta({ id: 'ReportingPeriodCreate' });

export const reportingPeriodUpdate = z
  .strictObject({
    version: z.int().min(1).optional(),
    name: shortText.nullable().optional(),
    startDate: calendarDate.optional(),
    endDate: calendarDate.optional(),
  })
  .meta({ id: 'ReportingPeriodUpdate' });

const eventFields = {
  unitId: id.nullable().optional(),
  periodId: id.nullable().optional(),
  role: z.enum(ROLES).nullable().optional(),
  datePrecision: z.enum(DATE_PRECISIONS).optional(),
  agenda: markdown.nullable().optional(),
};

export const calendarEventCreate = z
  .strictObject({ kind: z.enum(CALENDAR_EVENT_KINDS), date: calendarDate, title: shortText, ...eventFields })
  .meta({ id: 'CalendarEventCreate' });

export const calendarEventUpdate = z
  .strictObject({
    version: z.int().min(1).optional(),
    kind: z.enum(CALENDAR_EVENT_KINDS).optional(),
    date: calendarDate.optional(),
    title: shortText.optional(),
    ...eventFields,
  })
  .meta({ id: 'CalendarEventUpdate' });

export const standardPeriodsInput = z.strictObject({ year }).meta({ id: 'StandardPeriodsInput' });

export const standardPeriodsResult = z
  .object({
    created: z.array(reportingPeriod).meta({ description: 'The periods made now.' }),
    kept: z
      .array(reportingPeriod)
      .meta({ description: 'The standard periods the year already had, left as they were.' }),
  })
  .meta({ id: 'StandardPeriodsResult' });

export const copyMeetingsInput = z
  .strictObject({
    year: year.meta({ description: 'The year to copy to; the meetings are copied from the year before.' }),
    unitId: id
      .nullable()
      .optional()
      .meta({ description: 'Only this unit’s meetings (null: only the tenant-wide ones); absent: all you may write.' }),
  })
  .meta({ id: 'CopyMeetingsInput' });

export const copyMeetingsResult = z
  .object({
    created: z.array(calendarEvent).meta({ description: 'The meetings made in the new year.' }),
    skipped: z.int().meta({ description: 'Meetings the new year already had (same kind, unit, title and date).' }),
  })
  .meta({ id: 'CopyMeetingsResult' });
