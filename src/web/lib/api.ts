import type { z } from 'zod';
import type { problem } from '../../domain/contracts/common.ts';

// The one way the web application talks to the server: /api/v1 with the session cookie, the
// CSRF token on writes, and the interface language for the server's messages.

export type Problem = z.infer<typeof problem>;

/** A failed request, with the server's problem details (field errors, the current state on 409). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.status = problem.status;
    this.problem = problem;
  }

  /** The messages for one field, by its path in the request body. */
  fieldErrors(path: string): string[] {
    return (this.problem.errors ?? []).filter((error) => error.path === path).map((error) => error.message);
  }
}

let csrfToken: string | null = null;
let language = 'sv';

/** Set after sign-in and from /me; sent with every write. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

export function setApiLanguage(locale: string) {
  language = locale;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  signal?: AbortSignal;
}

export function apiPath(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {}))
    if (value !== undefined && value !== null) params.set(key, String(value));
  const search = params.toString();
  return `/api/v1${path}${search ? `?${search}` : ''}`;
}

/** Calls the API; resolves with the JSON answer or rejects with an ApiError. */
export async function api<T>(path: string, { method = 'GET', body, query, signal }: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  // A form (a file upload) is sent as multipart/form-data, with the boundary the browser sets.
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(apiPath(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError({
      type: 'about:blank',
      title: language === 'sv' ? 'Servern svarar inte' : 'The server does not answer',
      status: 0,
      detail: language === 'sv' ? 'Kontrollera nätverket och försök igen.' : 'Check the network and try again.',
    });
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const json: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const fallback: Problem = {
      type: 'about:blank',
      title: response.statusText || String(response.status),
      status: response.status,
    };
    throw new ApiError(json && typeof json === 'object' && 'status' in json ? (json as Problem) : fallback);
  }
  return json as T;
}

/** Calls the API for a text answer (a report as HTML); rejects with an ApiError. */
export async function apiText(path: string, { method = 'GET', body, signal }: RequestOptions = {}): Promise<string> {
  const headers: Record<string, string> = { 'accept-language': language };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(apiPath(path), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    signal,
  });
  const text = await response.text();
  if (!response.ok) throw new ApiError(JSON.parse(text) as Problem);
  return text;
}

/** All pages of a list (the API answers at most 500 items a page). */
export async function apiAll<T>(path: string, query: RequestOptions['query'] = {}, signal?: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  for (;;) {
    const page = await api<{ items: T[]; total: number }>(path, {
      query: { ...query, limit: 500, offset: items.length },
      signal,
    });
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
}
