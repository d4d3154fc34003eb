import { queryOptions } from '@tanstack/react-query';
import type {
  calendarEventCreate,
  calendarEventUpdate,
  reportingCalendar,
  reportingPeriodCreate,
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

export const calendarQueries = {
  year: (year: number) =>
    queryOptions({ queryKey: calendarKeys.year(year), queryFn: ({ signal }) => getCalendar(year, signal) }),
};
