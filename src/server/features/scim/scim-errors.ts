import type { Context } from 'hono';
import { AppError, ERROR_CODES, preferredLocale, type LocalizedText } from '../../errors.ts';
import { problemFromDatabaseError } from '../../http/database-errors.ts';
import { localize, messagesIn } from '../../messages/messages.ts';

/** SCIM's media type (RFC 7644 §3.1); every answer of /scim/v2 has it. */
export const SCIM_CONTENT_TYPE = 'application/scim+json; charset=utf-8';

export const SCIM_ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** The error kinds of RFC 7644 §3.12 that Uppsikt answers with. */
export type ScimType =
  | 'invalidFilter'
  | 'invalidSyntax'
  | 'invalidValue'
  | 'invalidPath'
  | 'noTarget'
  | 'uniqueness'
  | 'mutability'
  | 'tooMany';

/** A refusal in SCIM's own shape: an HTTP status, a scimType where RFC 7644 has one, and a detail. */
export class ScimError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 500,
    readonly detail: LocalizedText,
    readonly scimType?: ScimType,
  ) {
    super(detail.en);
    this.name = 'ScimError';
  }
}

/** 400 invalidValue: an attribute the directory sent cannot be stored. */
export function invalidValue(detail: LocalizedText): ScimError {
  return new ScimError(400, detail, 'invalidValue');
}

/** 409 uniqueness: another person or group already has the value. */
export function uniqueness(detail: LocalizedText): ScimError {
  return new ScimError(409, detail, 'uniqueness');
}

/** A JSON answer with SCIM's media type. */
export function scimJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': SCIM_CONTENT_TYPE, ...headers } });
}

/** Any error as SCIM's error message, in Swedish unless the caller prefers English. */
export function scimErrorResponse(c: Context, error: unknown): Response {
  const locale = preferredLocale(c.req.header('accept-language'));
  const scim = asScimError(error);
  return scimJson(
    {
      schemas: [SCIM_ERROR_SCHEMA],
      status: String(scim.status),
      ...(scim.scimType ? { scimType: scim.scimType } : {}),
      detail: scim.detail[locale],
    },
    scim.status,
    // RFC 6750 §3: a refused bearer token names the scheme it expects.
    scim.status === 401 ? { 'www-authenticate': 'Bearer realm="Uppsikt SCIM"' } : {},
  );
}

function asScimError(error: unknown): ScimError {
  if (error instanceof ScimError) return error;
  const appError = error instanceof AppError ? error : problemFromDatabaseError(error);
  if (!appError) {
    console.error(error);
    return new ScimError(
      500,
      localize((m) => m.problemDetails.internal),
    );
  }
  const status = ERROR_CODES[appError.code].status;
  const detail: LocalizedText =
    appError.detail === undefined
      ? { sv: messagesIn('sv').problemDetails[appError.code], en: messagesIn('en').problemDetails[appError.code] }
      : typeof appError.detail === 'string'
        ? { sv: appError.detail, en: appError.detail }
        : appError.detail;
  // Field errors (the text guard's NUL or lone surrogate) are read into the detail.
  const withFields: LocalizedText =
    appError.errors.length === 0
      ? detail
      : {
          sv: `${detail.sv} ${appError.errors.map((e) => `${e.path}: ${typeof e.message === 'string' ? e.message : e.message.sv}`).join('; ')}`,
          en: `${detail.en} ${appError.errors.map((e) => `${e.path}: ${typeof e.message === 'string' ? e.message : e.message.en}`).join('; ')}`,
        };
  if (appError.code === 'validation_failed') return new ScimError(400, withFields, 'invalidSyntax');
  if (appError.code === 'duplicate' || appError.code === 'conflict')
    return new ScimError(409, withFields, 'uniqueness');
  if (status === 413) return new ScimError(413, withFields);
  if (status === 401 || status === 403 || status === 404) return new ScimError(status, withFields);
  return new ScimError(
    500,
    localize((m) => m.problemDetails.internal),
  );
}
