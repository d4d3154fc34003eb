import { queryOptions } from '@tanstack/react-query';
import type {
  followUpBoard,
  followUpBoardItem,
  followUpReminder,
  followUpReminderCreate,
} from '../../domain/contracts/follow-up-board.ts';
import { api, apiAll } from '../lib/api.ts';
import type { Period } from './reporting-calendar.ts';
import type { Answer, Body } from './shared.ts';

export type FollowUpBoard = Answer<typeof followUpBoard>;
export type FollowUpBoardItem = Answer<typeof followUpBoardItem>;
export type FollowUpReminder = Answer<typeof followUpReminder>;

/** Periodens uppföljning's query keys: one board per unit and period (or the period running today). */
export const followUpBoardKeys = {
  all: ['follow-up-board'] as const,
  board: (unitId: string, periodId: string | undefined) =>
    [...followUpBoardKeys.all, unitId, periodId ?? 'current'] as const,
};

/** The board of a unit (and the units below it) for a period; without one, the period running today. */
export function getFollowUpBoard(unitId: string, periodId: string | undefined, signal?: AbortSignal) {
  return api<FollowUpBoard>('/follow-up-board', { query: { unitId, periodId }, signal });
}

/** Påminn: a reminder to those who answer for an item whose follow-up is missing, overdue or sent back. */
export function sendFollowUpReminder(body: Body<typeof followUpReminderCreate>) {
  return api<FollowUpReminder>('/follow-up-board/reminders', { method: 'POST', body });
}

/** Every reporting period of the tenant, whatever the year: a board can look back at any of them. */
export function listAllPeriods(signal?: AbortSignal) {
  return apiAll<Period>('/reporting-calendar/periods', {}, signal);
}

export const followUpBoardQueries = {
  periods: () =>
    queryOptions({ queryKey: [...followUpBoardKeys.all, 'periods'], queryFn: ({ signal }) => listAllPeriods(signal) }),
  board: (unitId: string, periodId: string | undefined) =>
    queryOptions({
      queryKey: followUpBoardKeys.board(unitId, periodId),
      queryFn: ({ signal }) => getFollowUpBoard(unitId, periodId, signal),
    }),
};
