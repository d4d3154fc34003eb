import { localize } from '../../messages/messages.ts';
import { invalidValue, ScimError } from './scim-errors.ts';
import { withoutCoreSchema } from './scim-filter.ts';

// Reading what a directory sends: JSON objects whose attribute names are case-insensitive
// (RFC 7643 §2.1), PATCH operations (RFC 7644 §3.5.2) and the values inside them.

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const LIST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

/** The longest name, title, userName or externalId Uppsikt keeps, as its other short texts. */
export const MAX_TEXT = 500;

export type JsonObject = Record<string, unknown>;

/** Whether an id can be one of ours (a UUID); anything else names nothing, without asking the database. */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The request's body as an object; anything else is 400 invalidSyntax. */
export function requireObject(body: unknown): JsonObject {
  if (!isObject(body))
    throw new ScimError(
      400,
      localize((m) => m.scim.notAnObject),
      'invalidSyntax',
    );
  return body;
}

/** An attribute of an object, its name compared without regard to case (and to the core schema's URN). */
export function attribute(object: JsonObject, name: string): unknown {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(object)) {
    if (withoutCoreSchema(key).toLowerCase() === wanted) return value;
  }
  return undefined;
}

/** A text attribute: trimmed, null when empty or null, at most MAX_TEXT characters; anything else is 400. */
export function optionalText(value: unknown, name: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') value = String(value);
  if (typeof value !== 'string') throw invalidValue(localize((m) => m.scim.invalidValue(name)));
  const text = value.trim();
  if (text.length > MAX_TEXT) throw invalidValue(localize((m) => m.scim.tooLong(name, MAX_TEXT)));
  return text === '' ? null : text;
}

/** A boolean, also as Entra ID sometimes sends it ("True", "False"). */
export function booleanValue(value: unknown, name: string): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  throw invalidValue(localize((m) => m.scim.invalidValue(name)));
}

export type PatchOp = 'add' | 'replace' | 'remove';

/** One operation of a PATCH: what to do, where (null: the value is an object of attributes), with what. */
export interface PatchOperation {
  op: PatchOp;
  path: string | null;
  value: unknown;
}

/**
 * The operations of a PATCH request. `op` is read without regard to case (Entra ID writes
 * "Replace", "Add", "Remove"); an operation without a path must carry an object of attributes.
 */
export function patchOperations(body: unknown): PatchOperation[] {
  const operations = attribute(requireObject(body), 'Operations');
  const invalidPatch = () =>
    new ScimError(
      400,
      localize((m) => m.scim.invalidPatch),
      'invalidSyntax',
    );
  if (!Array.isArray(operations) || operations.length === 0) throw invalidPatch();
  return operations.map((operation): PatchOperation => {
    if (!isObject(operation)) throw invalidPatch();
    const op = attribute(operation, 'op');
    const path = attribute(operation, 'path');
    const value = attribute(operation, 'value');
    if (typeof op !== 'string' || !['add', 'replace', 'remove'].includes(op.toLowerCase())) throw invalidPatch();
    if (path !== undefined && path !== null && (typeof path !== 'string' || path.trim() === ''))
      throw new ScimError(
        400,
        localize((m) => m.scim.invalidPath(JSON.stringify(path))),
        'invalidPath',
      );
    const normalizedOp = op.toLowerCase() as PatchOp;
    const normalizedPath = typeof path === 'string' ? path.trim() : null;
    if (normalizedPath === null && normalizedOp !== 'remove' && !isObject(value)) throw invalidPatch();
    if (normalizedPath === null && normalizedOp === 'remove')
      throw new ScimError(
        400,
        localize((m) => m.scim.invalidPath('')),
        'noTarget',
      );
    return { op: normalizedOp, path: normalizedPath, value };
  });
}

/** The moment as SCIM's meta shows it. */
export function meta(
  resourceType: 'User' | 'Group',
  location: string,
  row: { createdAt: Date; updatedAt: Date; version: number },
) {
  return {
    resourceType,
    created: row.createdAt.toISOString(),
    lastModified: row.updatedAt.toISOString(),
    location,
    version: `W/"${row.version}"`,
  };
}

/** A page of resources (RFC 7644 §3.4.2). */
export function listResponse(resources: unknown[], totalResults: number, startIndex: number) {
  return {
    schemas: [LIST_SCHEMA],
    totalResults,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}
