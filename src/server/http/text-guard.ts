import type { MiddlewareHandler } from 'hono';
import { AppError, type FieldError, type LocalizedText } from '../errors.ts';
import { localize } from '../messages/messages.ts';

// PostgreSQL cannot store U+0000 in text or jsonb, and a lone UTF-16 surrogate (JSON.parse turns
// the escape "\ud800" into one) is not a character at all: the driver would store U+FFFD in its
// place, silently changing what the user sent. Both are refused here, once, for every endpoint,
// before any validation or handler sees the input.

const NUL_MESSAGE = localize((m) => m.http.nulCharacter);
const SURROGATE_MESSAGE = localize((m) => m.http.unpairedSurrogate);
const DETAIL = localize((m) => m.http.forbiddenCharacters);
const MALFORMED_JSON = localize((m) => m.http.malformedJson);

/** What is wrong with a string, or null when it is good text: no NUL, every surrogate paired. */
export function badTextIn(value: string): LocalizedText | null {
  // Stryker disable next-line EqualityOperator: equivalent, the code unit past the end is NaN, which no rule below matches
  for (let index = 0; index < value.length; index++) {
    const unit = value.charCodeAt(index);
    if (unit === 0) return NUL_MESSAGE;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index++;
      else return SURROGATE_MESSAGE;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return SURROGATE_MESSAGE;
    }
  }
  return null;
}

/** A key made printable for a field path: the bad code units shown as U+FFFD. */
function printable(key: string): string {
  let result = '';
  for (const character of key) result += badTextIn(character) ? '\ufffd' : character;
  return result;
}

function joinPath(parent: string, key: string | number): string {
  return parent === '' ? String(key) : `${parent}.${key}`;
}

/**
 * Every bad string in a parsed JSON value, keys and values, each named by its path in the same
 * dotted form as the validation errors (`title`, `checkpoints.2`). Walks with its own stack, so
 * deeply nested input cannot overflow the call stack.
 */
export function badTextInJson(root: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const pending: Array<{ value: unknown; path: string }> = [{ value: root, path: '' }];
  while (pending.length > 0 && errors.length < 20) {
    const { value, path } = pending.pop()!;
    if (typeof value === 'string') {
      const message = badTextIn(value);
      if (message) errors.push({ path, message });
      continue;
    }
    // Stryker disable next-line BlockStatement: equivalent, an array walked as an object below gives the same paths in the same order ("0" is a fine key); this branch spares Object.entries
    if (Array.isArray(value)) {
      // Stryker disable next-line ArithmeticOperator: equivalent, entries past the end are undefined, which nothing below inspects
      for (let index = value.length - 1; index >= 0; index--)
        pending.push({ value: value[index], path: joinPath(path, index) });
      continue;
    }
    // Stryker disable next-line ConditionalExpression: equivalent for JSON, a number or boolean has no entries
    if (value === null || typeof value !== 'object') continue;
    const entries = Object.entries(value as Record<string, unknown>);
    for (let index = entries.length - 1; index >= 0; index--) {
      const [key, child] = entries[index]!;
      const keyMessage = badTextIn(key);
      const childPath = joinPath(path, keyMessage ? printable(key) : key);
      if (keyMessage) errors.push({ path: childPath, message: keyMessage });
      else pending.push({ value: child, path: childPath });
    }
  }
  return errors;
}

function isJson(contentType: string | undefined): boolean {
  return contentType !== undefined && /^application\/([a-z0-9.-]+\+)?json\s*(;|$)/i.test(contentType);
}

/** The names of the path parameters of the route that will answer, by position in the path. */
function pathParameterNames(routePaths: string[], path: string): Map<number, string> {
  const names = new Map<number, string>();
  const route = routePaths.filter((candidate) => candidate.includes(':')).at(-1);
  if (!route) return names;
  const routeSegments = route.split('/');
  const segments = path.split('/');
  if (routeSegments.length !== segments.length) return names;
  routeSegments.forEach((segment, index) => {
    // Stryker disable next-line ConditionalExpression,StringLiteral,Regex: equivalent, a matched route's fixed segments are the path's own, which passed the check; ".*" runs to the end anyway
    if (segment.startsWith(':')) names.set(index, segment.slice(1).replace(/[{?].*$/, ''));
  });
  return names;
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Refuses a request whose path parameters, query parameters or JSON body hold NUL or a lone
 * surrogate, with 400 naming each field; and a JSON body that is not JSON, with 400. Mounted once
 * in front of the whole API, sign-in included.
 */
export function textGuard(): MiddlewareHandler {
  return async (c, next) => {
    const errors: FieldError[] = [];

    // The path as sent, still percent-encoded: Hono's decoded c.req.path would be decoded twice here.
    const rawPath = new URL(c.req.url).pathname;
    const segments = rawPath.split('/');
    const names = pathParameterNames(
      // Stryker disable next-line MethodExpression,ConditionalExpression,StringLiteral: equivalent in this API, its middleware (method ALL) routes have no path parameters
      c.req.matchedRoutes.filter((route) => route.method !== 'ALL').map((route) => route.path),
      rawPath,
    );
    segments.forEach((segment, index) => {
      const message = badTextIn(decoded(segment));
      if (message) errors.push({ path: names.get(index) ?? 'path', message });
    });

    for (const [key, values] of Object.entries(c.req.queries())) {
      const keyMessage = badTextIn(key);
      if (keyMessage) {
        errors.push({ path: printable(key), message: keyMessage });
        continue;
      }
      for (const value of values) {
        const message = badTextIn(value);
        if (message) {
          errors.push({ path: key, message });
          break;
        }
      }
    }

    // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, a GET or HEAD request reaches the app without a body (the Fetch API's Request has none)
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && isJson(c.req.header('content-type'))) {
      const text = await c.req.text();
      if (text.trim() !== '') {
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          throw new AppError('validation_failed', MALFORMED_JSON);
        }
        errors.push(...badTextInJson(body));
      }
    }

    if (errors.length > 0) throw new AppError('validation_failed', DETAIL, errors);
    await next();
  };
}
