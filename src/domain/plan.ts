import { z } from 'zod';

/** internkontrollplan or aktivitetsplan (verksamhetsplan comes later). */
export const PLAN_KINDS = ['internal_control', 'activity'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

/** Life cycle: utkast → beslutad → avslutad. */
export const PLAN_STATES = ['draft', 'adopted', 'closed'] as const;
export type PlanState = (typeof PLAN_STATES)[number];

/** A plan's period: one year, or an inclusive range of years such as 2020–2021. */
export interface PlanPeriod {
  startYear: number;
  endYear: number;
}

const year = z.number().int().min(1990).max(2100);

/**
 * Parses "2020" or "2020-2021" (an en dash is accepted too) into a period.
 * Returns null for anything else, including a range that runs backwards.
 */
export function parsePlanPeriod(text: string): PlanPeriod | null {
  const match = /^\s*(\d{4})(?:\s*[-–]\s*(\d{4}))?\s*$/.exec(text);
  if (!match) return null;
  const startYear = Number(match[1]);
  const endYear = match[2] === undefined ? startYear : Number(match[2]);
  if (!year.safeParse(startYear).success || !year.safeParse(endYear).success) return null;
  if (endYear < startYear) return null;
  return { startYear, endYear };
}

/** "2020" for a single year, "2020–2021" for a range (the typographic dash Swedish documents use). */
export function formatPlanPeriod(period: PlanPeriod): string {
  return period.startYear === period.endYear ? String(period.startYear) : `${period.startYear}–${period.endYear}`;
}

/**
 * "2020" or "2020-2021" with a plain hyphen: the period as an address or a file name carries it,
 * and as the follow-up reports print it in their headings. `parsePlanPeriod` reads it back.
 */
export function planPeriodCode(period: PlanPeriod): string {
  return period.startYear === period.endYear ? String(period.startYear) : `${period.startYear}-${period.endYear}`;
}
