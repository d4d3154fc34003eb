import type { Context } from 'hono';

/** Stable error codes; each maps to one HTTP status and one message per language. */
export const ERROR_CODES = {
  validation_failed: { status: 400, sv: 'Uppgifterna är inte giltiga.', en: 'The input is not valid.' },
  unauthenticated: { status: 401, sv: 'Du behöver logga in.', en: 'You need to sign in.' },
  forbidden: { status: 403, sv: 'Du har inte behörighet till detta.', en: 'You are not allowed to do this.' },
  not_found: { status: 404, sv: 'Det finns inget här.', en: 'There is nothing here.' },
  conflict: { status: 409, sv: 'Någon annan har ändrat detta under tiden.', en: 'Someone else changed this in the meantime.' },
  rate_limited: { status: 429, sv: 'För många försök. Vänta en stund.', en: 'Too many attempts. Wait a while.' },
  unavailable: { status: 503, sv: 'Tjänsten är inte tillgänglig just nu.', en: 'The service is not available right now.' },
  internal: { status: 500, sv: 'Något gick fel hos oss. Försök igen senare.', en: 'Something went wrong on our side. Try again later.' },
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export type Locale = 'sv' | 'en';

/** One field-level problem: where in the input, and what is wrong, in the user's language. */
export interface FieldError {
  path: string;
  message: string;
}

/** The one error type the server throws on purpose; everything else is an internal error. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail ?? code);
    this.name = 'AppError';
  }
}

/** Swedish unless the client prefers English. */
export function preferredLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'sv';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
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

/** Renders an error as application/problem+json (RFC 9457). */
export function problemResponse(c: Context, error: AppError): Response {
  const definition = ERROR_CODES[error.code];
  const locale = preferredLocale(c.req.header('accept-language'));
  const body = {
    type: `urn:uppsikt:problem:${error.code}`,
    title: definition[locale],
    status: definition.status,
    ...(error.detail === undefined ? {} : { detail: error.detail }),
    ...(error.errors.length === 0 ? {} : { errors: error.errors }),
  };
  return new Response(JSON.stringify(body), {
    status: definition.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', 'content-language': locale },
  });
}
