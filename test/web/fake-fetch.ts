import { onTestFinished } from 'vitest';

// A stand-in for the browser's fetch in the web unit tests: it records each request as the
// server would see it and answers with what the test says. The real fetch comes back when the
// test finishes.

export interface SeenRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

type Answer = (request: SeenRequest) => Response | Promise<Response>;

/** Puts `standIn` in the place of fetch until the test finishes. */
function replaceFetch(standIn: typeof fetch): void {
  const previous = globalThis.fetch;
  onTestFinished(() => {
    globalThis.fetch = previous;
  });
  globalThis.fetch = standIn;
}

/** Replaces fetch for this test; the returned list fills with the requests made. */
export function answerFetch(answer: Answer): SeenRequest[] {
  const seen: SeenRequest[] = [];
  replaceFetch(async (input: RequestInfo | URL, init?: RequestInit) => {
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
  });
  return seen;
}

/** A network that does not answer: every request fails as fetch fails when the server is gone. */
export function failFetch(): void {
  replaceFetch(() => Promise.reject(new TypeError('Failed to fetch')));
}

/** A JSON answer. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
