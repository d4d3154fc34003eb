import type { Context } from 'hono';

/** Stable error codes; each maps to one HTTP status and one message per language. */
export const ERROR_CODES = {
  validation_failed: { status: 400, sv: 'Uppgifterna är inte giltiga.', en: 'The input is not valid.' },
  unauthenticated: { status: 401, sv: 'Du behöver logga in.', en: 'You need to sign in.' },
  forbidden: { status: 403, sv: 'Du har inte behörighet till detta.', en: 'You are not allowed to do this.' },
  not_found: { status: 404, sv: 'Det finns inget här.', en: 'There is nothing here.' },
  conflict: {
    status: 409,
    sv: 'Någon annan har ändrat detta under tiden.',
    en: 'Someone else changed this in the meantime.',
  },
  /** A unique rule: the same entry exists already (not a stale write). */
  duplicate: { status: 409, sv: 'Det finns redan en sådan post.', en: 'Such an entry already exists.' },
  /** Decided and frozen: changes only through the proper step (a plan's decision through a revision). */
  locked: {
    status: 409,
    sv: 'Det här är beslutat och ändras inte direkt.',
    en: 'This has been decided and is not changed directly.',
  },
  /** A rule of the data stands in the way until something else is done first (not a stale write). */
  not_yet: { status: 409, sv: 'Det går inte ännu.', en: 'This cannot be done yet.' },
  payload_too_large: { status: 413, sv: 'Innehållet är för stort.', en: 'The content is too large.' },
  unsupported_media_type: {
    status: 415,
    sv: 'Skicka innehållet som JSON (Content-Type: application/json).',
    en: 'Send the content as JSON (Content-Type: application/json).',
  },
  rate_limited: { status: 429, sv: 'För många försök. Vänta en stund.', en: 'Too many attempts. Wait a while.' },
  unavailable: {
    status: 503,
    sv: 'Tjänsten är inte tillgänglig just nu.',
    en: 'The service is not available right now.',
  },
  internal: {
    status: 500,
    sv: 'Något gick fel hos oss. Försök igen senare.',
    en: 'Something went wrong on our side. Try again later.',
  },
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

/** What to do about a problem, for the errors thrown without a detail of their own. */
const DEFAULT_DETAILS: Record<ErrorCode, LocalizedText> = {
  validation_failed: { sv: 'Kontrollera uppgifterna och försök igen.', en: 'Check the input and try again.' },
  unauthenticated: { sv: 'Logga in och försök igen.', en: 'Sign in and try again.' },
  forbidden: { sv: 'Dina roller ger inte rätt att göra detta här.', en: 'Your roles do not allow this here.' },
  not_found: {
    sv: 'Det finns inte, eller så har du inte tillgång till det.',
    en: 'It does not exist, or you do not have access to it.',
  },
  conflict: { sv: 'Hämta det senaste och försök igen.', en: 'Fetch the latest and try again.' },
  duplicate: {
    sv: 'Ändra det fält som anges, eller använd det som redan finns.',
    en: 'Change the field named, or use the one that already exists.',
  },
  locked: {
    sv: 'Ändringar efter beslut görs genom en revision av planen.',
    en: 'Changes after the decision are made through a revision of the plan.',
  },
  not_yet: { sv: 'Gör först det som anges och försök sedan igen.', en: 'First do what is said, then try again.' },
  payload_too_large: { sv: 'Högst 1 MB per anrop.', en: 'At most 1 MB per request.' },
  unsupported_media_type: { sv: 'Ange Content-Type: application/json.', en: 'Give Content-Type: application/json.' },
  rate_limited: { sv: 'Vänta en stund och försök igen.', en: 'Wait a while and try again.' },
  unavailable: { sv: 'Försök igen om en stund.', en: 'Try again in a while.' },
  internal: { sv: 'Felet är loggat hos oss.', en: 'The error is logged on our side.' },
};

function defaultDetail(error: AppError, locale: Locale): string {
  if (error.code === 'validation_failed' && error.errors.length > 0) {
    return locale === 'sv' ? 'Varje fel står vid sitt fält.' : 'Each problem is given with its field.';
  }
  return DEFAULT_DETAILS[error.code][locale];
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
