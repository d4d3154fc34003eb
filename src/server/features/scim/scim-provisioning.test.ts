import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditEvents } from '../../db/schema/audit-events.ts';
import { directoryGroupMembers, directoryGroups } from '../../db/schema/directory.ts';
import { roleMappingRules } from '../../db/schema/identity-providers.ts';
import { roleAssignments } from '../../db/schema/role-assignments.ts';
import { users } from '../../db/schema/users.ts';
import { createHarness, type Harness } from '../../../../test/support/harness.ts';
import { patchOp, scimTokenFor, type ScimClient } from '../../../../test/support/scim-client.ts';

// Entra ID's provisioning, request by request as Microsoft documents it ("Develop a SCIM
// endpoint": create, read, patch and deactivate a user; create a group, add and remove members,
// delete it), against one tenant with a rule that gives a role to a group's members.

const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';

describe('SCIM: the request sequence of Entra ID’s provisioning', () => {
  let h: Harness;
  let scim: ScimClient;
  let token: string;
  beforeAll(async () => {
    h = await createHarness();
    ({ scim, token } = await scimTokenFor(h.app, await h.as('tenantAdmin')));
  });
  afterAll(() => h.close());

  /** A rule "members of `value` get `role` on `unitId`", for every source (SCIM included). */
  async function rule(value: string, role: 'coordinator' | 'reader', unitId: string) {
    const [row] = await h.db
      .insert(roleMappingRules)
      .values({ tenantId: h.tenant.tenantId, claim: 'groups', value, role, unitId })
      .returning({ id: roleMappingRules.id });
    return row!.id;
  }

  async function liveRoles(userId: string) {
    return (
      await h.db
        .select({ role: roleAssignments.role, unitId: roleAssignments.unitId, ruleId: roleAssignments.ruleId })
        .from(roleAssignments)
        .where(
          and(
            eq(roleAssignments.tenantId, h.tenant.tenantId),
            eq(roleAssignments.userId, userId),
            isNull(roleAssignments.revokedAt),
          ),
        )
    ).sort((a, b) => a.role.localeCompare(b.role));
  }

  async function person(userId: string) {
    const [row] = await h.db.select().from(users).where(eq(users.id, userId));
    return row!;
  }

  async function events(entityId: string) {
    return h.db
      .select({
        operation: auditEvents.operation,
        actorKind: auditEvents.actorKind,
        actorLabel: auditEvents.actorLabel,
        changes: auditEvents.changes,
      })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, entityId))
      .orderBy(auditEvents.occurredAt, auditEvents.id);
  }

  test('create, read, patch, group membership with a rule, deactivate, delete', async () => {
    const userName = `Test_User_${h.suffix}@kommun.example.se`;

    // 1. Is the person there? Not yet.
    const search = await scim.get(`/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`);
    expect(search.status).toBe(200);
    expect(search.headers.get('content-type')).toMatch(/^application\/scim\+json/);
    expect(search.body).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 0,
      startIndex: 1,
      itemsPerPage: 0,
      Resources: [],
    });

    // 2. Create, as Entra ID sends it (enterprise extension and all).
    const created = await scim.post('/Users', {
      schemas: [USER_SCHEMA, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
      externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
      userName,
      active: true,
      displayName: 'Anna Svensson',
      title: 'Controller',
      emails: [{ primary: true, type: 'work', value: `Anna.Svensson-${h.suffix}@kommun.example.se` }],
      meta: { resourceType: 'User' },
      name: { formatted: 'Anna Svensson', familyName: 'Svensson', givenName: 'Anna' },
      roles: [],
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'Ekonomi', employeeNumber: '1234' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const userId = created.body.id as string;
    expect(created.body).toMatchObject({
      schemas: [USER_SCHEMA],
      id: userId,
      userName,
      externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
      displayName: 'Anna Svensson',
      title: 'Controller',
      active: true,
      emails: [{ value: `anna.svensson-${h.suffix}@kommun.example.se`, type: 'work', primary: true }],
      meta: {
        resourceType: 'User',
        created: '2026-06-15T10:00:00.000Z',
        location: `http://localhost/scim/v2/Users/${userId}`,
      },
    });
    expect(await person(userId)).toMatchObject({
      tenantId: h.tenant.tenantId,
      name: 'Anna Svensson',
      email: `anna.svensson-${h.suffix}@kommun.example.se`,
      title: 'Controller',
      scimUserName: userName,
      scimExternalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
      passwordHash: null,
      deactivatedAt: null,
    });
    expect((await events(userId))[0]).toMatchObject({ operation: 'create', actorKind: 'system', actorLabel: 'scim' });

    // 3. Read it back, and find it by userName in any case.
    expect((await scim.get(`/Users/${userId}`)).body).toEqual(created.body);
    const found = await scim.get(`/Users?filter=${encodeURIComponent(`userName eq "${userName.toUpperCase()}"`)}`);
    expect(found.body).toMatchObject({ totalResults: 1, Resources: [{ id: userId }] });

    // 4. Patch attributes, one path each, Entra ID's capitalised ops.
    const patched = await scim.patch(
      `/Users/${userId}`,
      patchOp(
        { op: 'Replace', path: 'emails[type eq "work"].value', value: `anna.s-${h.suffix}@kommun.example.se` },
        { op: 'Replace', path: 'name.givenName', value: 'Anna-Karin' },
        { op: 'Replace', path: 'name.familyName', value: 'Svensson' },
        { op: 'Add', path: 'title', value: 'Ekonomichef' },
        { op: 'Replace', path: 'externalId', value: 'ny-extern-id' },
        { op: 'Add', path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department', value: 'Ekonomi' },
      ),
    );
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toMatchObject({
      displayName: 'Anna-Karin Svensson',
      title: 'Ekonomichef',
      externalId: 'ny-extern-id',
      emails: [{ value: `anna.s-${h.suffix}@kommun.example.se` }],
    });
    // A PATCH without a path: an object of attributes.
    const withoutPath = await scim.patch(
      `/Users/${userId}`,
      patchOp({ op: 'replace', value: { displayName: 'Anna-Karin Svensson Lind', title: 'Förvaltningschef' } }),
    );
    expect(withoutPath.body).toMatchObject({ displayName: 'Anna-Karin Svensson Lind', title: 'Förvaltningschef' });
    // Removing an attribute clears it.
    expect((await scim.patch(`/Users/${userId}`, patchOp({ op: 'Remove', path: 'title' }))).body.title).toBeUndefined();
    const update = (await events(userId)).find((event) => event.operation === 'update');
    expect(update).toMatchObject({
      actorLabel: 'scim',
      changes: {
        email: [`anna.svensson-${h.suffix}@kommun.example.se`, `anna.s-${h.suffix}@kommun.example.se`],
        name: ['Anna Svensson', 'Anna-Karin Svensson'],
        title: ['Controller', 'Ekonomichef'],
        scimExternalId: ['0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef', 'ny-extern-id'],
      },
    });

    // 5. The groups: a rule gives samordnare on Nämnd A to the group's members (by its name),
    // another läsare on Nämnd B (by its external id, Entra ID's object id).
    const byName = await rule('ik-samordnare', 'coordinator', h.tenant.unitA);
    const byObjectId = await rule('5f1a4a9e-0000-4000-8000-000000000001', 'reader', h.tenant.unitB);
    const groupSearch = await scim.get(
      `/Groups?excludedAttributes=members&filter=${encodeURIComponent('displayName eq "IK-Samordnare"')}`,
    );
    expect(groupSearch.body).toMatchObject({ totalResults: 0, Resources: [] });
    const group = await scim.post('/Groups', {
      schemas: [
        'urn:ietf:params:scim:schemas:core:2.0:Group',
        'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/Group',
      ],
      externalId: '5f1a4a9e-0000-4000-8000-000000000001',
      displayName: 'IK-Samordnare',
      meta: { resourceType: 'Group' },
    });
    expect(group.status, JSON.stringify(group.body)).toBe(201);
    const groupId = group.body.id as string;
    expect(group.body).toMatchObject({ displayName: 'IK-Samordnare', members: [], meta: { resourceType: 'Group' } });
    expect(await liveRoles(userId)).toEqual([]);

    // 6. Added to the group: both rules give their roles.
    const added = await scim.patch(
      `/Groups/${groupId}`,
      patchOp({ op: 'Add', path: 'members', value: [{ $ref: null, value: userId }] }),
    );
    expect(added.status, JSON.stringify(added.body)).toBe(204);
    expect(await liveRoles(userId)).toEqual([
      { role: 'coordinator', unitId: h.tenant.unitA, ruleId: byName },
      { role: 'reader', unitId: h.tenant.unitB, ruleId: byObjectId },
    ]);
    expect((await scim.get(`/Groups/${groupId}`)).body.members).toEqual([
      { value: userId, display: 'Anna-Karin Svensson Lind', $ref: `http://localhost/scim/v2/Users/${userId}` },
    ]);
    expect((await scim.get(`/Groups/${groupId}?excludedAttributes=members`)).body.members).toBeUndefined();
    const memberOf = await scim.get(
      `/Groups?filter=${encodeURIComponent(`id eq "${groupId}" and members[value eq "${userId}"]`)}&excludedAttributes=members`,
    );
    expect(memberOf.body).toMatchObject({ totalResults: 1 });
    const joined = (await events(userId)).filter((event) => event.operation === 'group_join');
    expect(joined).toEqual([
      {
        operation: 'group_join',
        actorKind: 'system',
        actorLabel: 'scim',
        changes: { groupId: [null, groupId], group: [null, 'IK-Samordnare'] },
      },
    ]);
    // The person's roles take effect: a session of theirs reads Nämnd A.
    h.userIds.anna = userId;
    await h.db.update(users).set({ passwordHash: null }).where(eq(users.id, userId));
    const anna = await h.signIn('anna');
    expect((await anna.get(`/org-units/${h.tenant.unitA}`)).status).toBe(200);

    // 7. Renaming the group takes the rule by name away; the rule by object id still holds.
    await scim.patch(`/Groups/${groupId}`, patchOp({ op: 'Replace', path: 'displayName', value: 'IK-Samordnare SOC' }));
    expect((await liveRoles(userId)).map((role) => role.role)).toEqual(['reader']);
    await scim.patch(`/Groups/${groupId}`, patchOp({ op: 'Replace', path: 'displayName', value: 'IK-Samordnare' }));
    expect((await liveRoles(userId)).map((role) => role.role)).toEqual(['coordinator', 'reader']);

    // 8. Removed from the group (Entra ID's list form): the rules take the roles back.
    const removed = await scim.patch(
      `/Groups/${groupId}`,
      patchOp({ op: 'Remove', path: 'members', value: [{ $ref: null, value: userId }] }),
    );
    expect(removed.status).toBe(204);
    expect(await liveRoles(userId)).toEqual([]);
    expect((await events(userId)).filter((event) => event.operation === 'group_leave')).toHaveLength(1);
    const [ended] = await h.db
      .select()
      .from(directoryGroupMembers)
      .where(and(eq(directoryGroupMembers.groupId, groupId), eq(directoryGroupMembers.userId, userId)));
    expect(ended!.endedAt).toEqual(h.clock.now());
    // And again, in and out by the value-filter path.
    await scim.patch(`/Groups/${groupId}`, patchOp({ op: 'add', path: 'members', value: [{ value: userId }] }));
    expect(await liveRoles(userId)).toHaveLength(2);
    expect(
      (await scim.patch(`/Groups/${groupId}`, patchOp({ op: 'remove', path: `members[value eq "${userId}"]` }))).status,
    ).toBe(204);
    expect(await liveRoles(userId)).toEqual([]);
    await scim.patch(`/Groups/${groupId}`, patchOp({ op: 'add', path: 'members', value: [{ value: userId }] }));

    // 9. Unassigned in Entra ID: active false (as the string Entra ID once sent) deactivates, and
    // the person's session stops working at once.
    h.clock.advance(60_000);
    const disabled = await scim.patch(`/Users/${userId}`, patchOp({ op: 'Replace', path: 'active', value: 'False' }));
    expect(disabled.status).toBe(200);
    expect(disabled.body.active).toBe(false);
    expect((await person(userId)).deactivatedAt).toEqual(h.clock.now());
    expect((await anna.get('/me')).status).toBe(401);
    expect((await events(userId)).at(-1)).toMatchObject({ operation: 'deactivate', actorLabel: 'scim' });

    // 10. Assigned again: reactivated, with the roles the group gives.
    const enabled = await scim.patch(`/Users/${userId}`, patchOp({ op: 'replace', value: { active: true } }));
    expect(enabled.body.active).toBe(true);
    expect((await person(userId)).deactivatedAt).toBeNull();
    expect(await liveRoles(userId)).toHaveLength(2);

    // 11. Deleted in Entra ID: DELETE deactivates and keeps the person.
    const deleted = await scim.delete(`/Users/${userId}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeNull();
    expect(await person(userId)).toMatchObject({ name: 'Anna-Karin Svensson Lind', deactivatedAt: h.clock.now() });
    expect((await scim.get(`/Users/${userId}`)).body.active).toBe(false);

    // 12. The group is deleted: archived, every membership ended, the roles taken back.
    await scim.patch(`/Users/${userId}`, patchOp({ op: 'replace', path: 'active', value: true }));
    expect(await liveRoles(userId)).toHaveLength(2);
    expect((await scim.delete(`/Groups/${groupId}`)).status).toBe(204);
    expect(await liveRoles(userId)).toEqual([]);
    const [archived] = await h.db.select().from(directoryGroups).where(eq(directoryGroups.id, groupId));
    expect(archived!.archivedAt).toEqual(h.clock.now());
    expect(
      await h.db
        .select()
        .from(directoryGroupMembers)
        .where(and(eq(directoryGroupMembers.groupId, groupId), isNull(directoryGroupMembers.endedAt))),
    ).toEqual([]);
    expect((await scim.get(`/Groups/${groupId}`)).status).toBe(404);
    expect((await events(groupId)).map((event) => event.operation)).toEqual(['create', 'update', 'update', 'archive']);
    // A group of the same name can be provisioned again.
    expect((await scim.post('/Groups', { displayName: 'IK-Samordnare' })).status).toBe(201);

    // Nothing SCIM wrote holds the token.
    const log = JSON.stringify(
      await h.db.select().from(auditEvents).where(eq(auditEvents.tenantId, h.tenant.tenantId)),
    );
    expect(log).not.toContain(token);
    expect(log).not.toContain(token.slice(5));
  });

  test('a person added by hand or imported is adopted by e-mail address, not made twice', async () => {
    const [nobody] = await h.db.select().from(users).where(eq(users.id, h.userIds.nobody!));
    const created = await scim.post('/Users', {
      schemas: [USER_SCHEMA],
      userName: nobody!.email!.toUpperCase(),
      active: true,
      displayName: 'Utan Roll Adopterad',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.id).toBe(h.userIds.nobody);
    expect(created.body.emails).toEqual([{ value: nobody!.email, type: 'work', primary: true }]);
    expect(await person(h.userIds.nobody!)).toMatchObject({
      name: 'Utan Roll Adopterad',
      scimUserName: nobody!.email!.toUpperCase(),
      passwordHash: nobody!.passwordHash,
    });
    expect(
      await h.db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.tenantId, h.tenant.tenantId), eq(users.email, nobody!.email!))),
    ).toHaveLength(1);
    expect((await events(h.userIds.nobody!)).at(-1)).toMatchObject({
      operation: 'adopt',
      actorLabel: 'scim',
      changes: { name: ['Utan roll', 'Utan Roll Adopterad'], scimUserName: [null, nobody!.email!.toUpperCase()] },
    });
    // The same userName again is a conflict, not a second person.
    const again = await scim.post('/Users', {
      schemas: [USER_SCHEMA],
      userName: `x-${h.suffix}@a.se`,
      emails: [{ value: nobody!.email }],
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ scimType: 'uniqueness', status: '409' });
    // The break-glass administrator is never the directory's.
    await h.db.update(users).set({ breakGlass: true }).where(eq(users.id, h.userIds.tenantAdmin!));
    const [admin] = await h.db.select().from(users).where(eq(users.id, h.userIds.tenantAdmin!));
    const breakGlass = await scim.post('/Users', { schemas: [USER_SCHEMA], userName: admin!.email });
    expect(breakGlass.status).toBe(409);
    expect(breakGlass.body.detail).toMatch(/reservkonto/);
    expect((await person(h.userIds.tenantAdmin!)).scimUserName).toBeNull();
  });

  test('PUT replaces a person or a group as a whole', async () => {
    const userName = `put-${h.suffix}@kommun.example.se`;
    const created = await scim.post('/Users', {
      schemas: [USER_SCHEMA],
      userName,
      externalId: 'put-1',
      displayName: 'Per Utan',
      title: 'Handläggare',
      active: true,
    });
    const userId = created.body.id as string;
    const replaced = await scim.put(`/Users/${userId}`, {
      schemas: [USER_SCHEMA],
      userName,
      name: { givenName: 'Per', familyName: 'Ersatt' },
      active: true,
    });
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
    // What the resource no longer mentions is cleared; the name comes from given and family name.
    expect(replaced.body).toMatchObject({ displayName: 'Per Ersatt', emails: [{ value: userName }] });
    expect(replaced.body.title).toBeUndefined();
    expect(replaced.body.externalId).toBeUndefined();

    const other = await scim.post('/Users', {
      schemas: [USER_SCHEMA],
      userName: `put-2-${h.suffix}@kommun.example.se`,
    });
    const group = await scim.post('/Groups', { displayName: `PUT-gruppen ${h.suffix}`, members: [{ value: userId }] });
    const put = await scim.put(`/Groups/${group.body.id}`, {
      displayName: `PUT-gruppen ${h.suffix} ny`,
      externalId: 'put-grupp',
      members: [{ value: other.body.id }],
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({
      displayName: `PUT-gruppen ${h.suffix} ny`,
      externalId: 'put-grupp',
      members: [{ value: other.body.id }],
    });
    expect((await events(userId)).map((event) => event.operation)).toEqual([
      'create',
      'update',
      'group_join',
      'group_leave',
    ]);
  });
});
