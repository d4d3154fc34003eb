import type { Context } from 'hono';
import { localize, messagesIn } from './messages/messages.ts';

/** Stable error codes; each maps to one HTTP status and one title per language (messages/sv.ts, en.ts). */
export const ERROR_CODES = {
  validation_failed: { status: 400, ...localize((m) => m.problemTitles.validation_failed) },
  unauthenticated: { status: 401, ...localize((m) => m.problemTitles.unauthenticated) },
  forbidden: { status: 403, ...localize((m) => m.problemTitles.forbidden) },
  not_found: { status: 404, ...localize((m) => m.problemTitles.not_found) },
  conflict: { status: 409, ...localize((m) => m.problemTitles.conflict) },
  /** A unique rule: the same entry exists already (not a stale write). */
  duplicate: { status: 409, ...localize((m) => m.problemTitles.duplicate) },
  /** Decided and frozen: changes only through the proper step (a plan's decision through a revision). */
  locked: { status: 409, ...localize((m) => m.problemTitles.locked) },
  /** A rule of the data stands in the way until something else is done first (not a stale write). */
  not_yet: { status: 409, ...localize((m) => m.problemTitles.not_yet) },
  payload_too_large: { status: 413, ...localize((m) => m.problemTitles.payload_too_large) },
  unsupported_media_type: { status: 415, ...localize((m) => m.problemTitles.unsupported_media_type) },
  /** Was valid once and is no longer: a used, expired or withdrawn link, a first run already done. */
  gone: { status: 410, ...localize((m) => m.problemTitles.gone) },
  rate_limited: { status: 429, ...localize((m) => m.problemTitles.rate_limited) },
  unavailable: { status: 503, ...localize((m) => m.problemTitles.unavailable) },
  internal: { status: 500, ...localize((m) => m.problemTitles.internal) },
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export type Locale = 'sv' | 'en';

/** A message in both of the product's languages. */
export interface LocalizedText {
  sv: string;
  en: string;
}

/** One field-level problem: where in the input (dotted, e.g. "checkpoints.0"), and what is wrong. */
export interface FieldError {
  path: string;
  message: string | LocalizedText;
}

/** The one error type the server throws on purpose; everything else is an internal error. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string | LocalizedText,
    readonly errors: FieldError[] = [],
    /** Extra members of the problem, e.g. `current` (the entity as it is now) for a conflict. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail === undefined ? code : typeof detail === 'string' ? detail : detail.en);
    this.name = 'AppError';
  }
}

/** Swedish unless the client prefers English. */
export function preferredLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'sv';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      // Stryker disable next-line StringLiteral: equivalent, split always gives a first element; the default is for the type
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((param) => param.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('sv')) return 'sv';
    if (tag.startsWith('en')) return 'en';
  }
  return 'sv';
}

function defaultDetail(error: AppError, locale: Locale): string {
  if (error.code === 'validation_failed' && error.errors.length > 0) {
    return messagesIn(locale).http.eachErrorAtItsField;
  }
  return messagesIn(locale).problemDetails[error.code];
}

/** Renders an error as application/problem+json (RFC 9457). */
export function problemResponse(c: Context, error: AppError): Response {
  const definition = ERROR_CODES[error.code];
  const locale = preferredLocale(c.req.header('accept-language'));
  const body = {
    type: `urn:uppsikt:problem:${error.code}`,
    title: definition[locale],
    status: definition.status,
    // Every problem carries a detail a person can read, also where the thrower gave none.
    detail:
      error.detail === undefined
        ? defaultDetail(error, locale)
        : typeof error.detail === 'string'
          ? error.detail
          : error.detail[locale],
    ...(error.errors.length === 0
      ? {}
      : {
          errors: error.errors.map(({ path, message }) => ({
            path,
            message: typeof message === 'string' ? message : message[locale],
          })),
        }),
    ...error.extensions,
  };
  const headers: Record<string, string> = {
    'content-type': 'application/problem+json; charset=utf-8',
    'content-language': locale,
  };
  if (error.code === 'rate_limited' && typeof error.extensions.retryAfterSeconds === 'number') {
    headers['retry-after'] = String(error.extensions.retryAfterSeconds);
  }
  return new Response(JSON.stringify(body), { status: definition.status, headers });
}
