import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Clock } from '../../../domain/clock.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { textGuard } from '../../http/text-guard.ts';
import { localize } from '../../messages/messages.ts';
import { createScimGroup } from './create-scim-group.ts';
import { createScimUser } from './create-scim-user.ts';
import { deactivateScimUser } from './deactivate-scim-user.ts';
import { deleteScimGroup } from './delete-scim-group.ts';
import { MAX_RESULTS, resourceTypes, schemas, serviceProviderConfig } from './discovery.ts';
import { groupAttributesFromResource, groupChangesFromPatch } from './group-attributes.ts';
import { groupMembers } from './group-membership.ts';
import { findScimGroup } from './group-rules.ts';
import { listScimGroups } from './list-scim-groups.ts';
import { listScimUsers } from './list-scim-users.ts';
import { presentScimGroup, presentScimUser, type ScimGroupRow } from './present.ts';
import { authenticateScim, type ScimEnv } from './scim-auth.ts';
import { scimErrorResponse, scimJson, ScimError } from './scim-errors.ts';
import { paging, parseFilter } from './scim-filter.ts';
import { listResponse, patchOperations, requireObject } from './scim-resource.ts';
import { updateScimGroup } from './update-scim-group.ts';
import { updateScimUser } from './update-scim-user.ts';
import { userAttributesFromPatch, userAttributesFromResource } from './user-attributes.ts';
import { findScimUser } from './user-rules.ts';

/** The largest request a directory sends: a group's whole membership fits well within it. */
const BODY_LIMIT_BYTES = 1024 * 1024;

type ScimContext = Context<ScimEnv>;

/** The address this service answers at (…/scim/v2), for `meta.location` and `$ref`. */
function baseOf(c: ScimContext): string {
  const url = new URL(c.req.url);
  const at = url.pathname.indexOf('/scim/v2');
  return `${url.origin}${at >= 0 ? url.pathname.slice(0, at + '/scim/v2'.length) : ''}`;
}

/** The request's JSON body; anything that is not JSON is 400 invalidSyntax. */
async function body(c: ScimContext): Promise<unknown> {
  const text = await c.req.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ScimError(
      400,
      localize((m) => m.http.malformedJson),
      'invalidSyntax',
    );
  }
}

function listQuery(c: ScimContext) {
  const filter = c.req.query('filter');
  return {
    filter: filter === undefined ? [] : parseFilter(filter),
    ...paging(c.req.query('startIndex'), c.req.query('count'), MAX_RESULTS),
  };
}

/** Whether the directory asked to leave a group's members out (Entra ID does, to keep answers small). */
function membersExcluded(c: ScimContext): boolean {
  const excluded = (c.req.query('excludedAttributes') ?? '').toLowerCase().split(',');
  const only = c.req.query('attributes')?.toLowerCase().split(',');
  return (
    excluded.some((name) => name.trim() === 'members') ||
    (only !== undefined && !only.some((name) => name.trim() === 'members'))
  );
}

/**
 * SCIM 2.0 (RFC 7643, 7644) for the tenant's directory: Entra ID's provisioning creates,
 * changes and deactivates people and keeps groups and their members current; the rules give
 * and take roles by group. Mounted at /scim/v2, outside /api/v1: its own bearer token (never a
 * session or an API token), its own media type and error shape. Every write is one transaction
 * with its audit events; a refused request writes nothing.
 */
export function scimRoutes({ database, clock }: { database: DatabaseHandle; clock: Clock }) {
  const router = new Hono<ScimEnv>();
  router.onError((error, c) => scimErrorResponse(c, error));
  router.use('*', async (c, next) => {
    c.set('database', database);
    c.set('clock', clock);
    await next();
  });
  router.use(
    '*',
    bodyLimit({
      maxSize: BODY_LIMIT_BYTES,
      onError: () => {
        throw new ScimError(
          413,
          localize((m) => m.problemDetails.payload_too_large),
        );
      },
    }),
  );
  router.use('*', authenticateScim());
  router.use('*', textGuard());

  router.get('/ServiceProviderConfig', (c) => scimJson(serviceProviderConfig(baseOf(c))));
  router.get('/ResourceTypes', (c) => {
    const types = resourceTypes(baseOf(c));
    return scimJson(listResponse(types, types.length, 1));
  });
  router.get('/ResourceTypes/:id', (c) => {
    const type = resourceTypes(baseOf(c)).find((candidate) => candidate.id === c.req.param('id'));
    if (!type) throw notFound();
    return scimJson(type);
  });
  router.get('/Schemas', (c) => {
    const all = schemas(baseOf(c));
    return scimJson(listResponse(all, all.length, 1));
  });
  router.get('/Schemas/:id', (c) => {
    const schema = schemas(baseOf(c)).find((candidate) => candidate.id === c.req.param('id'));
    if (!schema) throw notFound();
    return scimJson(schema);
  });

  router.get('/Users', async (c) => {
    const query = listQuery(c);
    const { rows, total } = await listScimUsers(c.get('database').db, c.get('scim'), query);
    const base = baseOf(c);
    return scimJson(
      listResponse(
        rows.map((row) => presentScimUser(row, base)),
        total,
        query.startIndex,
      ),
    );
  });
  router.post('/Users', async (c) => {
    const attributes = userAttributesFromResource(requireObject(await body(c)));
    const { row } = await c.get('database').db.transaction((tx) => createScimUser(tx, c.get('scim'), attributes));
    return scimJson(presentScimUser(row, baseOf(c)), 201);
  });
  router.get('/Users/:id', async (c) => {
    const row = await findScimUser(c.get('database').db, c.get('scim'), c.req.param('id'));
    return scimJson(presentScimUser(row, baseOf(c)));
  });
  router.patch('/Users/:id', async (c) => {
    const attributes = userAttributesFromPatch(patchOperations(await body(c)));
    const row = await c
      .get('database')
      .db.transaction((tx) =>
        updateScimUser(tx, c.get('scim'), { userId: c.req.param('id'), attributes, replace: false }),
      );
    return scimJson(presentScimUser(row, baseOf(c)));
  });
  router.put('/Users/:id', async (c) => {
    const attributes = userAttributesFromResource(requireObject(await body(c)));
    const row = await c
      .get('database')
      .db.transaction((tx) =>
        updateScimUser(tx, c.get('scim'), { userId: c.req.param('id'), attributes, replace: true }),
      );
    return scimJson(presentScimUser(row, baseOf(c)));
  });
  router.delete('/Users/:id', async (c) => {
    await c
      .get('database')
      .db.transaction((tx) => deactivateScimUser(tx, c.get('scim'), { userId: c.req.param('id') }));
    return c.body(null, 204);
  });

  const presentGroups = async (c: ScimContext, rows: ScimGroupRow[]) => {
    const base = baseOf(c);
    if (membersExcluded(c)) return rows.map((row) => presentScimGroup(row, base, null));
    const members = await groupMembers(
      c.get('database').db,
      c.get('scim').tenantId,
      rows.map((row) => row.id),
    );
    return rows.map((row) =>
      presentScimGroup(
        row,
        base,
        members.filter((member) => member.groupId === row.id),
      ),
    );
  };
  router.get('/Groups', async (c) => {
    const query = listQuery(c);
    const { rows, total } = await listScimGroups(c.get('database').db, c.get('scim'), query);
    return scimJson(listResponse(await presentGroups(c, rows), total, query.startIndex));
  });
  router.post('/Groups', async (c) => {
    const attributes = groupAttributesFromResource(requireObject(await body(c)));
    const row = await c.get('database').db.transaction((tx) => createScimGroup(tx, c.get('scim'), attributes));
    return scimJson((await presentGroups(c, [row]))[0], 201);
  });
  router.get('/Groups/:id', async (c) => {
    const row = await findScimGroup(c.get('database').db, c.get('scim'), c.req.param('id'));
    return scimJson((await presentGroups(c, [row]))[0]);
  });
  router.patch('/Groups/:id', async (c) => {
    const { attributes, memberChanges } = groupChangesFromPatch(patchOperations(await body(c)));
    await c
      .get('database')
      .db.transaction((tx) =>
        updateScimGroup(tx, c.get('scim'), { groupId: c.req.param('id'), attributes, memberChanges }),
      );
    return c.body(null, 204);
  });
  router.put('/Groups/:id', async (c) => {
    const { members, ...attributes } = groupAttributesFromResource(requireObject(await body(c)));
    const row = await c
      .get('database')
      .db.transaction((tx) => updateScimGroup(tx, c.get('scim'), { groupId: c.req.param('id'), attributes, members }));
    return scimJson((await presentGroups(c, [row]))[0]);
  });
  router.delete('/Groups/:id', async (c) => {
    await c.get('database').db.transaction((tx) => deleteScimGroup(tx, c.get('scim'), { groupId: c.req.param('id') }));
    return c.body(null, 204);
  });

  router.all('*', () => {
    throw notFound();
  });
  return router;
}

function notFound() {
  return new ScimError(
    404,
    localize((m) => m.scim.notFound),
  );
}
