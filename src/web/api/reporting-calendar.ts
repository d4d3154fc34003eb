import { queryOptions } from '@tanstack/react-query';
import type {
  calendarEventCreate,
  calendarEventUpdate,
  copyMeetingsResult,
  reportingCalendar,
  reportingPeriodCreate,
  standardPeriodsResult,
} from '../../domain/contracts/reporting-calendar.ts';
import { api } from '../lib/api.ts';
import type { Answer, Body } from './shared.ts';

export type Calendar = Answer<typeof reportingCalendar>;
export type Period = Calendar['periods'][number];
export type CalendarEvent = Calendar['events'][number];

/** The reporting calendar (årshjulet), one year at a time. */
export const calendarKeys = {
  all: ['reporting-calendar'] as const,
  year: (year: number) => [...calendarKeys.all, year] as const,
};

/** A year's reporting periods and its meetings and deadlines. */
export function getCalendar(year: number, signal?: AbortSignal) {
  return api<Calendar>('/reporting-calendar', { query: { year }, signal });
}

export function createPeriod(body: Body<typeof reportingPeriodCreate>) {
  return api<Period>('/reporting-calendar/periods', { method: 'POST', body });
}

export function createCalendarEvent(body: Body<typeof calendarEventCreate>) {
  return api<CalendarEvent>('/reporting-calendar/events', { method: 'POST', body });
}

export function updateCalendarEvent(id: string, body: Body<typeof calendarEventUpdate>) {
  return api<CalendarEvent>(`/reporting-calendar/events/${id}`, { method: 'PATCH', body });
}

export function removeCalendarEvent(id: string) {
  return api<void>(`/reporting-calendar/events/${id}`, { method: 'DELETE' });
}

export type StandardPeriodsResult = Answer<typeof standardPeriodsResult>;
export type CopyMeetingsResult = Answer<typeof copyMeetingsResult>;

/** Gives a year its standard periods (tertial 1–3, halvår 1–2, helår); those it has are kept. */
export function generateStandardPeriods(year: number) {
  return api<StandardPeriodsResult>('/reporting-calendar/periods/standard', { method: 'POST', body: { year } });
}

/** Copies the meetings of the year before into `year`, those the caller may write. */
export function copyMeetings(year: number) {
  return api<CopyMeetingsResult>('/reporting-calendar/events/copy-meetings', { method: 'POST', body: { year } });
}

export const calendarQueries = {
  year: (year: number) =>
    queryOptions({ queryKey: calendarKeys.year(year), queryFn: ({ signal }) => getCalendar(year, signal) }),
};
