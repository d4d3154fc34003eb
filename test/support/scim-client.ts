import { expect } from 'vitest';
import type { createApp } from '../../src/server/app.ts';
import type { Client, Reply } from './harness.ts';

type App = ReturnType<typeof createApp>;

/** A directory talking SCIM to /scim/v2 with a bearer token, as Entra ID's provisioning does. */
export interface ScimClient {
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  get(path: string): Promise<Reply>;
  post(path: string, body: unknown): Promise<Reply>;
  patch(path: string, body: unknown): Promise<Reply>;
  put(path: string, body: unknown): Promise<Reply>;
  delete(path: string): Promise<Reply>;
}

/** A SCIM client; `authorization` null sends no Authorization header at all. */
export function scimClient(app: App, authorization: string | null): ScimClient {
  const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await app.request(`/scim/v2${path}`, {
      method,
      headers: {
        ...(authorization === null ? {} : { authorization }),
        ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    let parsed: unknown = text;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed, headers: response.headers, bytes };
  };
  return {
    request,
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
    patch: (path, body) => request('PATCH', path, body),
    put: (path, body) => request('PUT', path, body),
    delete: (path) => request('DELETE', path),
  };
}

/** Creates a SCIM token as a tenant administrator and returns it with a client that uses it. */
export async function scimTokenFor(app: App, admin: Client) {
  const reply = await admin.post('/scim-tokens', {});
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  const created = reply.body as { id: string; token: string; prefix: string; baseUrl: string };
  return { ...created, scim: scimClient(app, `Bearer ${created.token}`) };
}

/** A PATCH request body (RFC 7644 §3.5.2) of the given operations. */
export function patchOp(...operations: { op: string; path?: string; value?: unknown }[]) {
  return { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: operations };
}
