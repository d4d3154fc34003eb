import { afterEach } from 'vitest';

// A stand-in for the browser's fetch in the web unit tests: it records each request as the
// server would see it and answers with what the test says. The real fetch comes back after
// each test.

export interface SeenRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

type Answer = (request: SeenRequest) => Response | Promise<Response>;

const original = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = original;
});

/** Replaces fetch for this test; the returned list fills with the requests made. */
export function answerFetch(answer: Answer): SeenRequest[] {
  const seen: SeenRequest[] = [];
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const text = typeof init?.body === 'string' ? init.body : undefined;
    const request: SeenRequest = {
      url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      method: init?.method ?? 'GET',
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      body: text === undefined ? undefined : JSON.parse(text),
    };
    seen.push(request);
    if (init?.signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    return answer(request);
  };
  return seen;
}

/** A JSON answer. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
