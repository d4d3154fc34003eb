import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROLES, type Role } from '../../../domain/role.ts';
import { createHarness, type Harness } from '../../../../test/support/harness.ts';

// Who may give and take which role where, cell by cell at the HTTP level. Nobody hands out
// more reach than their own: a unit's administrator gives unit-bound roles on the units they
// administer; revisor (reads the whole tenant) and administrator of the root unit only the
// tenant administrator gives. Unreadable units are not found (400 for a body reference, 404
// for an assignment), readable ones that may not be granted on are forbidden (403).

const GRANTERS = ['tenantAdmin', 'administrator', 'coordinator', 'responsible', 'reader', 'auditor'] as const;
type Granter = (typeof GRANTERS)[number];
const PLACES = ['ownUnit', 'insideSubtree', 'outsideSubtree', 'rootUnit'] as const;
type Place = (typeof PLACES)[number];
const GRANTEES = ['self', 'someoneElse'] as const;

function unitOf(h: Harness, place: Place): string {
  return {
    ownUnit: h.tenant.unitA,
    insideSubtree: h.tenant.unitA1,
    outsideSubtree: h.tenant.unitB,
    rootUnit: h.tenant.rootId,
  }[place];
}

/** The answer each cell must get: allowed (201) or refused (400/404 unseen, 403 seen). */
function expected(granter: Granter, role: Role, place: Place, unseen: 400 | 404): 'allowed' | 400 | 404 | 403 {
  if (granter === 'tenantAdmin') return 'allowed';
  // The matrix roles hold on unit A only, so they see A and A1; a revisor sees everything.
  const sees = granter === 'auditor' || place === 'ownUnit' || place === 'insideSubtree';
  if (!sees) return unseen;
  if (granter !== 'administrator') return 403;
  return role === 'auditor' ? 403 : 'allowed';
}

describe('the grant matrix: granter × role × unit (own, inside, outside the subtree, root) × grantee', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  test('giving a role: every cell is allowed or refused as the rule says, and refusals say why and whom to ask', async () => {
    const admin = await h.as('tenantAdmin');
    let cells = 0;
    let refused = 0;
    const wrong: string[] = [];
    for (const granter of GRANTERS) {
      const client = await h.as(granter);
      for (const role of ROLES) {
        for (const place of PLACES) {
          for (const grantee of GRANTEES) {
            cells++;
            const userId = grantee === 'self' ? h.userIds[granter]! : h.userIds.nobody!;
            const reply = await client.post('/role-assignments', { userId, unitId: unitOf(h, place), role });
            // The harness's own assignments (each matrix role on A, the tenant administrator on the root).
            const alreadyHeld =
              grantee === 'self' &&
              role === (granter === 'tenantAdmin' ? 'administrator' : granter) &&
              place === (granter === 'tenantAdmin' ? 'rootUnit' : 'ownUnit');
            const want = expected(granter, role, place, 400);
            const got = reply.status === 201 || reply.status === 409 ? 'allowed' : reply.status;
            if (got !== want || (want === 'allowed' && reply.status !== (alreadyHeld ? 409 : 201)))
              wrong.push(`${granter} gives ${role} on ${place} to ${grantee}: ${reply.status}, expected ${want}`);
            if (want !== 'allowed') refused++;
            if (reply.status === 403) {
              expect(reply.body.detail).toMatch(
                /Be (en administratör för enheten eller )?kommunens administratör \(Kommunens administratör\) om det\./,
              );
            }
            // Each cell starts from the harness's own roles: whatever was given is taken back.
            if (reply.status === 201)
              expect((await admin.post(`/role-assignments/${reply.body.id}/revoke`)).status).toBe(200);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(cells).toBe(240);
    // The refused escalation attempts: 12 of the unit administrator's, all 60 of coordinator,
    // responsible and reader, all 20 of the revisor's, for oneself and for someone else.
    expect(refused).toBe(184);
  });

  test('revoking a role: the same rule, so nobody takes away a role that reaches further than their own', async () => {
    const admin = await h.as('tenantAdmin');
    let refused = 0;
    const wrong: string[] = [];
    for (const granter of GRANTERS) {
      const client = await h.as(granter);
      for (const role of ROLES) {
        for (const place of PLACES) {
          const given = await admin.post('/role-assignments', {
            userId: h.userIds.nobody,
            unitId: unitOf(h, place),
            role,
          });
          expect(given.status).toBe(201);
          const reply = await client.post(`/role-assignments/${given.body.id}/revoke`);
          const want = expected(granter, role, place, 404);
          const got = reply.status === 200 ? 'allowed' : reply.status;
          if (got !== want) wrong.push(`${granter} revokes ${role} on ${place}: ${reply.status}, expected ${want}`);
          if (want !== 'allowed') {
            refused++;
            expect((await admin.post(`/role-assignments/${given.body.id}/revoke`)).status).toBe(200);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(refused).toBe(92);
  });

  test('the escalation of the issue: a unit administrator cannot make themself revisor and read the whole tenant', async () => {
    const unitAdmin = await h.as('administrator');
    const reply = await unitAdmin.post(
      '/role-assignments',
      { userId: h.userIds.administrator, unitId: h.tenant.unitA, role: 'auditor' },
      { 'accept-language': 'en' },
    );
    expect(reply.status).toBe(403);
    expect(reply.body.detail).toBe(
      'Only the tenant administrator may give the auditor role, which reads the whole tenant and its audit log. Ask the tenant administrator (Kommunens administratör).',
    );
    expect((await unitAdmin.get(`/org-units/${h.tenant.unitB}`)).status).toBe(404);
  });

  test('a read-only API token of the tenant administrator gives no role', async () => {
    const admin = await h.as('tenantAdmin');
    const token = (await admin.post('/api-tokens', { name: 'Läsning', access: 'read' })).body.token as string;
    const reply = await h.app.request('/api/v1/role-assignments', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ userId: h.userIds.nobody, unitId: h.tenant.unitB, role: 'reader' }),
    });
    expect(reply.status).toBe(403);
  });
});
