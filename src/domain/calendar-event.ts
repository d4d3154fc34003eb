/**
 * Entries of the tenant's reporting calendar (årshjul): meetings of a nämnd, of
 * kommunstyrelsen and of fullmäktige, and deadlines for a role in a reporting period.
 */
export const CALENDAR_EVENT_KINDS = ['namnd_meeting', 'ks_meeting', 'kf_meeting', 'deadline'] as const;
export type CalendarEventKind = (typeof CALENDAR_EVENT_KINDS)[number];

/**
 * How exactly the date is known: a day ("den 16 september"), or only the month
 * ("på oktober sammanträdet", stored as the first of that month).
 */
export const DATE_PRECISIONS = ['day', 'month'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];
