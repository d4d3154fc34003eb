import type { Locale, LocalizedText } from '../errors.ts';
import { en } from './en.ts';
import { sv, type ServerMessages } from './sv.ts';

export type { ServerMessages };

/** The server's messages, one catalogue per language. */
export const SERVER_MESSAGES: Readonly<Record<Locale, ServerMessages>> = { sv, en };

/**
 * A message in both languages, picked from the catalogues:
 *
 *     localize((m) => m.plans.alreadyAdopted)
 *     localize((m) => m.auth.tooManyForAccount(minutes))
 *     localize((m, locale) => m.followUps.periodOutsidePlan(reportingPeriodLabel(period, locale), years))
 *
 * The pick runs once per language, so a message built of several entries takes each part from
 * the same language.
 */
export function localize(pick: (messages: ServerMessages, locale: Locale) => string): LocalizedText {
  return { sv: pick(sv, 'sv'), en: pick(en, 'en') };
}

/** The catalogue of one language, for a text written for one reader (an e-mail, a label). */
export function messagesIn(locale: Locale): ServerMessages {
  return SERVER_MESSAGES[locale];
}
