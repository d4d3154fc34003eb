import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditEvents } from '../../db/schema/audit-events.ts';
import { deviations } from '../../db/schema/deviations.ts';
import { changedTables, fingerprintDatabase, withInsertsFailingAtCommit } from '../../../../test/support/failures.ts';
import { createHarness, type Harness } from '../../../../test/support/harness.ts';
import { describeResourceContract, ITEM_ROLES } from '../../../../test/support/resource-contract.ts';

describe('control results', () => {
  let h: Harness;
  const riskIds = { unitA: '', unitB: '' };
  const spareControls: Record<'unitA' | 'unitB', string[]> = { unitA: [], unitB: [] };
  const severity = () => h.tenant.vocabularyIds.deviation_severity;

  /** A new control in unit A or B, with the responsible person of the matrix named on it in A. */
  async function newControl(harness: Harness, unit: 'unitA' | 'unitB', title = 'Stickprov av inköp') {
    const reply = await (
      await harness.as('tenantAdmin')
    ).post('/controls', {
      riskId: riskIds[unit],
      title,
      responsibleIds: unit === 'unitA' ? [harness.userIds.responsible] : [],
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return reply.body.id as string;
  }

  async function deviationsOf(resultId: string) {
    return h.db
      .select()
      .from(deviations)
      .where(and(eq(deviations.tenantId, h.tenant.tenantId), eq(deviations.resultId, resultId)))
      .orderBy(asc(deviations.title));
  }

  beforeAll(async () => {
    h = await createHarness();
    const admin = await h.as('tenantAdmin');
    for (const unit of ['unitA', 'unitB'] as const) {
      const planId = (
        await admin.post('/plans', {
          unitId: h.tenant[unit],
          kind: 'internal_control',
          title: 'IK-plan',
          startYear: 2026,
        })
      ).body.id;
      riskIds[unit] = (await admin.post('/risks', { planId, title: 'Felaktig hantering av inköp' })).body.id;
      for (let n = 0; n < 3; n++) spareControls[unit].push(await newControl(h, unit));
    }
  });
  afterAll(() => h.close());

  describeResourceContract(
    {
      resource: 'control-results',
      entityType: 'control_result',
      async create(harness, unit) {
        // A control of its own each time (one current result per control and period), made
        // beforehand so that a failing create is the result's own.
        const controlId = spareControls[unit].pop()!;
        const reply = await (
          await harness.as('tenantAdmin')
        ).post('/control-results', {
          controlId,
          periodId: harness.tenant.periodIds.q1,
          outcome: 'no_remarks',
          performedOn: '2026-03-20',
        });
        expect(reply.status, JSON.stringify(reply.body)).toBe(201);
        return reply.body.id as string;
      },
      change: (n) => ({ comment: `20 fakturor granskade (${n}).` }),
      changedField: 'comment',
      archivable: true,
      roles: ITEM_ROLES,
    },
    () => h,
  );

  test('a responsible person records a result without remarks: recorded by them, no deviations', async () => {
    const controlId = await newControl(h, 'unitA');
    const reply = await (
      await h.as('responsible')
    ).post('/control-results', {
      controlId,
      periodId: h.tenant.periodIds.q1,
      outcome: 'no_remarks',
      performedOn: '2026-03-31',
      comment: 'Inga avvikelser.',
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.body).toMatchObject({
      controlId,
      periodId: h.tenant.periodIds.q1,
      outcome: 'no_remarks',
      performedOn: '2026-03-31',
      reason: null,
      comment: 'Inga avvikelser.',
      recordedById: h.userIds.responsible,
      deviationIds: [],
      archivedAt: null,
      version: 1,
    });
    // A responsible person not named on the control may not record its result.
    const other = (await (await h.as('tenantAdmin')).post('/controls', { riskId: riskIds.unitA, title: 'Annan' })).body
      .id;
    expect(
      (
        await (
          await h.as('responsible')
        ).post('/control-results', { controlId: other, periodId: h.tenant.periodIds.q1, outcome: 'no_remarks' })
      ).status,
    ).toBe(403);
  });

  test('one current result per control and period: a second gets 409 naming the period; archived, another may be recorded', async () => {
    const controlId = await newControl(h, 'unitA');
    const client = await h.as('coordinator');
    const first = await client.post('/control-results', {
      controlId,
      periodId: h.tenant.periodIds.q1,
      outcome: 'no_remarks',
    });
    expect(first.status).toBe(201);
    const second = await client.post('/control-results', {
      controlId,
      periodId: h.tenant.periodIds.q1,
      outcome: 'not_performed',
      reason: 'Personalbrist',
    });
    expect(second.status).toBe(409);
    expect(second.body.type).toBe('urn:uppsikt:problem:duplicate');
    expect(second.body.detail).toBe(
      'Kontrollmomentet har redan ett resultat för Kvartal 1 2026. Ändra det resultatet i stället för att registrera ett nytt.',
    );
    // Another period is another result.
    expect(
      (await client.post('/control-results', { controlId, periodId: h.tenant.periodIds.q2, outcome: 'no_remarks' }))
        .status,
    ).toBe(201);
    expect((await client.post(`/control-results/${first.body.id}/archive`)).status).toBe(200);
    const again = await client.post('/control-results', {
      controlId,
      periodId: h.tenant.periodIds.q1,
      outcome: 'not_performed',
      reason: 'Personalbrist',
    });
    expect(again.status).toBe(201);
    // The archived one is not restored beside the current one.
    const restore = await client.post(`/control-results/${first.body.id}/restore`);
    expect(restore.status).toBe(409);
    expect(restore.body.type).toBe('urn:uppsikt:problem:duplicate');
    const listed = await client.get(`/control-results?controlId=${controlId}&periodId=${h.tenant.periodIds.q1}`);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([again.body.id]);
    const withArchived = await client.get(`/control-results?controlId=${controlId}&includeArchived=true`);
    expect(withArchived.body.total).toBe(3);
  });

  test('the period must be one of the tenant’s reporting periods within the plan’s years', async () => {
    const admin = await h.as('tenantAdmin');
    const planId = (
      await admin.post('/plans', {
        unitId: h.tenant.unitA,
        kind: 'internal_control',
        title: 'IK-plan',
        startYear: 2025,
      })
    ).body.id;
    const riskId = (await admin.post('/risks', { planId, title: 'Risk 2025' })).body.id;
    const controlId = (await admin.post('/controls', { riskId, title: 'Kontroll 2025' })).body.id;
    const outside = await admin.post('/control-results', {
      controlId,
      periodId: h.tenant.periodIds.q1,
      outcome: 'no_remarks',
    });
    expect(outside.status).toBe(400);
    expect(outside.body.errors).toEqual([
      { path: 'periodId', message: 'Kvartal 1 2026 ligger utanför planens period (2025).' },
    ]);
    const english = await admin.post(
      '/control-results',
      { controlId, periodId: h.tenant.periodIds.q1, outcome: 'no_remarks' },
      { 'accept-language': 'en' },
    );
    expect(english.body.errors[0].message).toBe('Quarter 1 2026 lies outside the plan’s period (2025).');
    const foreign = await admin.post('/control-results', {
      controlId: await newControl(h, 'unitA'),
      periodId: h.otherTenant.periodIds.q1,
      outcome: 'no_remarks',
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0].path).toBe('periodId');
  });

  test('"ej genomförd" needs its reason; a reason belongs to no other outcome', async () => {
    const controlId = await newControl(h, 'unitA');
    const client = await h.as('responsible');
    const base = { controlId, periodId: h.tenant.periodIds.q1 };
    for (const reason of [undefined, null, '   ']) {
      const reply = await client.post('/control-results', { ...base, outcome: 'not_performed', reason });
      expect(reply.status).toBe(400);
      expect(reply.body.errors).toEqual([{ path: 'reason', message: 'Ange varför kontrollen inte genomfördes.' }]);
    }
    const stray = await client.post('/control-results', { ...base, outcome: 'no_remarks', reason: 'Personalbrist' });
    expect(stray.status).toBe(400);
    expect(stray.body.errors[0].path).toBe('reason');
    const created = await client.post('/control-results', {
      ...base,
      outcome: 'not_performed',
      reason: 'Ansvarig handläggare sjukskriven',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ outcome: 'not_performed', reason: 'Ansvarig handläggare sjukskriven' });
    // Clearing the reason while not performed is refused; leaving "ej genomförd" clears it.
    const cleared = await client.patch(`/control-results/${created.body.id}`, { reason: null, version: 1 });
    expect(cleared.status).toBe(400);
    expect(cleared.body.errors[0].path).toBe('reason');
    const performed = await client.patch(`/control-results/${created.body.id}`, {
      outcome: 'no_remarks',
      performedOn: '2026-04-02',
      version: 1,
    });
    expect(performed.status).toBe(200);
    expect(performed.body).toMatchObject({ outcome: 'no_remarks', reason: null, version: 2 });
  });

  test('"med avvikelse" records its deviations in the same transaction, open, found by the caller on the day performed, each audited', async () => {
    const controlId = await newControl(h, 'unitA');
    const client = await h.as('responsible');
    const missing = await client.post('/control-results', {
      controlId,
      periodId: h.tenant.periodIds.q1,
      outcome: 'with_deviation',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([
      { path: 'deviations', message: 'Ange minst en avvikelse när kontrollen genomfördes med avvikelse.' },
    ]);
    expect(
      (
        await client.post('/control-results', {
          controlId,
          periodId: h.tenant.periodIds.q1,
          outcome: 'with_deviation',
          deviations: [],
        })
      ).body.errors[0].path,
    ).toBe('deviations');
    const reply = await client.post('/control-results', {
      controlId,
      periodId: h.tenant.periodIds.q1,
      outcome: 'with_deviation',
      performedOn: '2026-03-25',
      deviations: [
        { title: 'Attest saknas på två fakturor', severityId: severity().significant, description: 'Faktura 1 och 2.' },
        { title: 'Beställare ej behörig', severityId: severity().minor, reportedToText: 'Förvaltningschefen' },
      ],
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.body.deviationIds).toHaveLength(2);
    const found = await deviationsOf(reply.body.id);
    expect(found.map((row) => row.id).sort()).toEqual([...reply.body.deviationIds].sort());
    expect(found[0]).toMatchObject({
      title: 'Attest saknas på två fakturor',
      description: 'Faktura 1 och 2.',
      controlId,
      resultId: reply.body.id,
      severityId: severity().significant,
      foundOn: '2026-03-25',
      foundById: h.userIds.responsible,
      state: 'open',
    });
    expect(found[1]).toMatchObject({ reportedToText: 'Förvaltningschefen', severityId: severity().minor });
    const events = await h.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.tenantId, h.tenant.tenantId),
          inArray(auditEvents.entityId, [reply.body.id, ...reply.body.deviationIds]),
        ),
      );
    expect(events.map((event) => `${event.entityType} ${event.operation}`).sort()).toEqual([
      'control_result create',
      'deviation create',
      'deviation create',
    ]);
    expect(
      events.every((event) => event.unitId === h.tenant.unitA && event.actorUserId === h.userIds.responsible),
    ).toBe(true);
    // Read back, the result names its deviations.
    expect((await (await h.as('reader')).get(`/control-results/${reply.body.id}`)).body.deviationIds).toEqual(
      reply.body.deviationIds,
    );
  });

  test('without a day performed, the deviations are found today (by the server’s clock)', async () => {
    const reply = await (
      await h.as('coordinator')
    ).post('/control-results', {
      controlId: await newControl(h, 'unitA'),
      periodId: h.tenant.periodIds.q2,
      outcome: 'with_deviation',
      deviations: [{ title: 'Avtal saknas', severityId: severity().very_significant }],
    });
    expect(reply.status).toBe(201);
    expect((await deviationsOf(reply.body.id))[0]).toMatchObject({
      foundOn: '2026-06-15',
      foundById: h.userIds.coordinator,
    });
  });

  test('"utan anmärkning" and "ej genomförd" carry no deviations', async () => {
    const controlId = await newControl(h, 'unitA');
    const client = await h.as('responsible');
    const deviation = { title: 'Fel', severityId: severity().minor };
    for (const [outcome, reason] of [
      ['no_remarks', undefined],
      ['not_performed', 'Personalbrist'],
    ] as const) {
      const reply = await client.post('/control-results', {
        controlId,
        periodId: h.tenant.periodIds.q1,
        outcome,
        reason,
        deviations: [deviation],
      });
      expect(reply.status).toBe(400);
      expect(reply.body.errors).toEqual([
        { path: 'deviations', message: 'Avvikelser anges bara när kontrollen genomfördes med avvikelse.' },
      ]);
    }
  });

  test('a severity not in the tenant’s deviation severities, in the second deviation, writes nothing (400 naming it)', async () => {
    const controlId = await newControl(h, 'unitA');
    const client = await h.as('responsible');
    for (const severityId of [
      h.tenant.vocabularyIds.control_method.stickprov!,
      h.otherTenant.vocabularyIds.deviation_severity.minor!,
    ]) {
      const before = await fingerprintDatabase(h.db);
      const reply = await client.post('/control-results', {
        controlId,
        periodId: h.tenant.periodIds.q1,
        outcome: 'with_deviation',
        deviations: [
          { title: 'Attest saknas', severityId: severity().minor },
          { title: 'Fel konto', severityId },
        ],
      });
      expect(reply.status).toBe(400);
      expect(reply.body.errors[0].path).toBe('deviations.1.severityId');
      expect(changedTables(before, await fingerprintDatabase(h.db))).toEqual([]);
    }
  });

  test('when a deviation cannot be written, the result is not written either', async () => {
    const controlId = await newControl(h, 'unitA');
    const client = await h.as('responsible');
    const before = await fingerprintDatabase(h.db);
    const reply = await withInsertsFailingAtCommit(h.db, 'deviations', () =>
      client.post('/control-results', {
        controlId,
        periodId: h.tenant.periodIds.q1,
        outcome: 'with_deviation',
        deviations: [{ title: 'Attest saknas', severityId: severity().minor }],
      }),
    );
    expect(reply.status).toBe(500);
    expect(changedTables(before, await fingerprintDatabase(h.db))).toEqual([]);
  });

  test('the outcome leaves "med avvikelse" only when none of its deviations is open; more deviations may be added', async () => {
    const controlId = await newControl(h, 'unitA');
    const client = await h.as('responsible');
    const created = (
      await client.post('/control-results', {
        controlId,
        periodId: h.tenant.periodIds.q1,
        outcome: 'with_deviation',
        performedOn: '2026-03-10',
        deviations: [{ title: 'Attest saknas', severityId: severity().minor }],
      })
    ).body;
    const refused = await client.patch(`/control-results/${created.id}`, { outcome: 'no_remarks', version: 1 });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      { path: 'outcome', message: 'Resultatet har 1 öppen avvikelse. Stäng den innan utfallet ändras.' },
    ]);
    const toNotPerformed = await client.patch(`/control-results/${created.id}`, {
      outcome: 'not_performed',
      reason: 'Fel registrerat',
      version: 1,
    });
    expect(toNotPerformed.status).toBe(400);
    expect(toNotPerformed.body.errors[0].path).toBe('outcome');
    // Another deviation found later: recorded with the result, which counts it as a change.
    const added = await client.patch(`/control-results/${created.id}`, {
      deviations: [{ title: 'Kvitto saknas', severityId: severity().significant }],
      version: 1,
    });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect(added.body.version).toBe(2);
    expect(added.body.deviationIds).toHaveLength(2);
    expect(added.body.deviationIds[0]).toBe(created.deviationIds[0]);
    const second = (await deviationsOf(created.id)).find((row) => row.title === 'Kvitto saknas')!;
    expect(second).toMatchObject({ foundOn: '2026-03-10', state: 'open', resultId: created.id });
    // Once every deviation is closed (here directly in the database) the outcome may change.
    await h.db
      .update(deviations)
      .set({ state: 'closed' })
      .where(and(eq(deviations.tenantId, h.tenant.tenantId), eq(deviations.resultId, created.id)));
    const changed = await client.patch(`/control-results/${created.id}`, { outcome: 'no_remarks', version: 2 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ outcome: 'no_remarks', version: 3 });
    expect(changed.body.deviationIds).toHaveLength(2);
    // Deviations are not added to a result without remarks.
    const stray = await client.patch(`/control-results/${created.id}`, {
      deviations: [{ title: 'Mer', severityId: severity().minor }],
      version: 3,
    });
    expect(stray.status).toBe(400);
    expect(stray.body.errors[0].path).toBe('deviations');
  });

  test('a result becomes "med avvikelse" only with a deviation', async () => {
    const client = await h.as('responsible');
    const created = (
      await client.post('/control-results', {
        controlId: await newControl(h, 'unitA'),
        periodId: h.tenant.periodIds.q1,
        outcome: 'no_remarks',
      })
    ).body;
    const bare = await client.patch(`/control-results/${created.id}`, { outcome: 'with_deviation', version: 1 });
    expect(bare.status).toBe(400);
    expect(bare.body.errors[0].path).toBe('deviations');
    const withDeviation = await client.patch(`/control-results/${created.id}`, {
      outcome: 'with_deviation',
      deviations: [{ title: 'Avtal saknas', severityId: severity().minor }],
      version: 1,
    });
    expect(withDeviation.status).toBe(200);
    expect(withDeviation.body).toMatchObject({ outcome: 'with_deviation', version: 2 });
    expect(withDeviation.body.deviationIds).toHaveLength(1);
  });

  test('the list filters by control, period, plan, unit and outcome, and shows only what the caller reads', async () => {
    const admin = await h.as('tenantAdmin');
    const planId = (
      await admin.post('/plans', { unitId: h.tenant.unitB, kind: 'internal_control', title: 'Lista', startYear: 2026 })
    ).body.id;
    const riskId = (await admin.post('/risks', { planId, title: 'Risk' })).body.id;
    const controlId = (await admin.post('/controls', { riskId, title: 'Kontroll' })).body.id;
    const q1 = await admin.post('/control-results', {
      controlId,
      periodId: h.tenant.periodIds.q1,
      outcome: 'not_performed',
      reason: 'Personalbrist',
    });
    const q2 = await admin.post('/control-results', {
      controlId,
      periodId: h.tenant.periodIds.q2,
      outcome: 'no_remarks',
      performedOn: '2026-06-01',
    });
    const ids = async (query: string, who: 'tenantAdmin' | 'coordinator' | 'auditor' = 'tenantAdmin') =>
      ((await (await h.as(who)).get(`/control-results?${query}`)).body.items as { id: string }[]).map(
        (item) => item.id,
      );
    expect(await ids(`planId=${planId}&sort=performedOn`)).toEqual([q2.body.id, q1.body.id]);
    expect(await ids(`planId=${planId}&outcome=not_performed`)).toEqual([q1.body.id]);
    expect(await ids(`controlId=${controlId}&periodId=${h.tenant.periodIds.q2}`)).toEqual([q2.body.id]);
    expect(await ids(`under=${h.tenant.unitA}&controlId=${controlId}`)).toEqual([]);
    expect(await ids(`under=${h.tenant.unitB}&controlId=${controlId}`)).toHaveLength(2);
    // Unit B is outside the coordinator's subtree; the auditor reads the whole tenant.
    expect(await ids(`controlId=${controlId}`, 'coordinator')).toEqual([]);
    expect(await ids(`controlId=${controlId}`, 'auditor')).toHaveLength(2);
    expect((await (await h.as('coordinator')).get(`/control-results?planId=${planId}`)).status).toBe(404);
  });

  test('tenants are apart: another tenant neither lists, reads nor records results of this one', async () => {
    const controlId = await newControl(h, 'unitA');
    const created = (
      await (
        await h.as('tenantAdmin')
      ).post('/control-results', { controlId, periodId: h.tenant.periodIds.q1, outcome: 'no_remarks' })
    ).body;
    const other = await h.as('otherAdmin');
    expect((await other.get(`/control-results/${created.id}`)).status).toBe(404);
    expect((await other.get(`/control-results?controlId=${controlId}`)).body.items).toEqual([]);
    expect(
      (await other.get('/control-results')).body.items.some((item: { id: string }) => item.id === created.id),
    ).toBe(false);
    const record = await other.post('/control-results', {
      controlId,
      periodId: h.otherTenant.periodIds.q2,
      outcome: 'no_remarks',
    });
    expect(record.status).toBe(400);
    expect(record.body.errors[0].path).toBe('controlId');
    expect((await other.post(`/control-results/${created.id}/archive`)).status).toBe(404);
  });
});
