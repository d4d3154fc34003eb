import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../../../test/support/harness.ts';
import { canonicalJson } from '../../plan-model/snapshot.ts';

describe('plan life cycle: adoption, frozen versions, revisions, comparison', () => {
  let h: Harness;
  let planId: string;
  let riskId: string;
  let controlId: string;

  beforeAll(async () => {
    h = await createHarness();
    const admin = await h.as('tenantAdmin');
    planId = (
      await admin.post('/plans', {
        unitId: h.tenant.unitA,
        kind: 'internal_control',
        title: 'Internkontrollplan 2026',
        startYear: 2026,
      })
    ).body.id;
    riskId = (await admin.post('/risks', { planId, title: 'Felaktiga utbetalningar', likelihood: 2, consequence: 3 }))
      .body.id;
    controlId = (
      await admin.post('/controls', {
        riskId,
        title: 'Stickprov',
        responsibleIds: [h.userIds.responsible],
        endDate: '2026-12-31',
      })
    ).body.id;
  });
  afterAll(() => h.close());

  test('adopting records the decision and freezes the plan and its risk matrix as revision 1, with its hash', async () => {
    const coordinator = await h.as('coordinator');
    const plan = (await coordinator.get(`/plans/${planId}`)).body;
    expect(
      (
        await (
          await h.as('reader')
        ).post(`/plans/${planId}/adopt`, { version: plan.version, decisionDate: '2026-02-12' })
      ).status,
    ).toBe(403);
    expect((await coordinator.post(`/plans/${planId}/adopt`, { version: plan.version })).body.errors[0].path).toBe(
      'decisionDate',
    );
    const adopted = await coordinator.post(`/plans/${planId}/adopt`, {
      version: plan.version,
      decisionDate: '2026-02-12',
      decisionParagraph: '§ 14',
      diarienummer: 'GRF-2026-00042',
    });
    expect(adopted.status).toBe(200);
    expect(adopted.body).toMatchObject({
      state: 'adopted',
      decisionDate: '2026-02-12',
      decisionParagraph: '§ 14',
      decisionUnitId: h.tenant.unitA,
    });
    expect(adopted.body.adoptedAt).toBeTruthy();
    const again = await coordinator.post(`/plans/${planId}/adopt`, {
      version: adopted.body.version,
      decisionDate: '2026-02-13',
    });
    expect(again.body.errors[0].path).toBe('state');

    const versions = (await coordinator.get(`/plans/${planId}/versions`)).body.items;
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ revision: 1, reason: null, createdByName: 'Person coordinator' });
    const version = (await coordinator.get(`/plans/${planId}/versions/1`)).body;
    expect(version.snapshot.facts.risks[0]).toMatchObject({
      title: 'Felaktiga utbetalningar',
      likelihood: 2,
      consequence: 3,
    });
    expect(version.snapshot.facts.risks[0].controls[0]).toMatchObject({
      title: 'Stickprov',
      responsible: ['Person responsible'],
      endDate: '2026-12-31',
    });
    expect(version.snapshot.facts.matrix.bands.length).toBeGreaterThan(0);
    expect(version.snapshot.facts.decisionParagraph).toBe('§ 14');
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(canonicalJson(version.snapshot)).digest('hex')).toBe(version.sha256);
  });

  test('nothing in an adopted snapshot can be changed; later changes leave it intact and show in the comparison', async () => {
    const admin = await h.as('tenantAdmin');
    const before = (await admin.get(`/plans/${planId}/versions/1`)).body;
    await expect(h.db.execute(sql`update plan_versions set reason = 'x' where plan_id = ${planId}`)).rejects.toThrow();
    await expect(h.db.execute(sql`delete from plan_versions where plan_id = ${planId}`)).rejects.toThrow();

    const risk = (await admin.get(`/risks/${riskId}`)).body;
    await admin.patch(`/risks/${riskId}`, { version: risk.version, likelihood: 4 });
    const control = (await admin.get(`/controls/${controlId}`)).body;
    await admin.patch(`/controls/${controlId}`, { version: control.version, endDate: '2026-06-30' });
    const added = (
      await admin.post('/risks', { planId, title: 'Mutor vid upphandling', likelihood: 1, consequence: 4 })
    ).body;

    const after = (await admin.get(`/plans/${planId}/versions/1`)).body;
    expect(after).toEqual(before);

    const comparison = (await admin.get(`/plans/${planId}/comparison`)).body;
    expect(comparison.from).toEqual({ revision: 1, label: 'Beslutad' });
    expect(comparison.to).toEqual({ revision: 'current', label: 'I dag' });
    expect(comparison.changes).toEqual(
      expect.arrayContaining([
        {
          entity: 'risk',
          id: riskId,
          title: 'Felaktiga utbetalningar',
          change: 'changed',
          fields: [
            { field: 'likelihood', before: 2, after: 4 },
            { field: 'riskValue', before: 6, after: 12 },
          ],
        },
        {
          entity: 'control',
          id: controlId,
          title: 'Stickprov',
          change: 'changed',
          fields: [{ field: 'endDate', before: '2026-12-31', after: '2026-06-30' }],
        },
        { entity: 'risk', id: added.id, title: 'Mutor vid upphandling', change: 'added', fields: [] },
      ]),
    );
    expect(comparison.changes).toHaveLength(3);
  });

  test('a revision keeps the adopted version intact and is compared with it; reports can be made as adopted', async () => {
    const coordinator = await h.as('coordinator');
    expect((await coordinator.post(`/plans/${planId}/revisions`, { reason: '' })).body.errors[0].path).toBe('reason');
    const revision = await coordinator.post(`/plans/${planId}/revisions`, {
      reason: 'Nämnden beslutade 2026-05-20 § 80 om en ny risk.',
    });
    expect(revision.status).toBe(201);
    expect(revision.body).toMatchObject({ revision: 2, reason: 'Nämnden beslutade 2026-05-20 § 80 om en ny risk.' });
    const adopted = (await coordinator.get(`/plans/${planId}/versions/1`)).body;
    expect(adopted.snapshot.facts.risks).toHaveLength(1);
    const revised = (await coordinator.get(`/plans/${planId}/versions/2`)).body;
    expect(revised.snapshot.facts.risks).toHaveLength(2);
    expect((await coordinator.get(`/plans/${planId}/comparison?from=1&to=2`)).body.changes).toHaveLength(3);
    expect((await coordinator.get(`/plans/${planId}/comparison?from=2`)).body.changes).toEqual([]);
    expect((await coordinator.get(`/plans/${planId}/comparison?from=7`)).body.errors[0].path).toBe('from');

    const asAdopted = await coordinator.get(`/reports/plan?unit=${h.tenant.unitA}&period=2026&format=md&revision=1`);
    expect(asAdopted.body).not.toContain('Mutor vid upphandling');
    expect(asAdopted.body).toContain('| Felaktiga utbetalningar | 2 | 3 | 6 |');
    const now = await coordinator.get(`/reports/plan?unit=${h.tenant.unitA}&period=2026&format=md`);
    expect(now.body).toContain('Mutor vid upphandling');
    expect(
      (await coordinator.get(`/reports/plan?unit=${h.tenant.unitA}&period=2026&format=md&revision=9`)).body.errors[0]
        .path,
    ).toBe('revision');
  });

  test('a revision that does not exist is 404, however large its number (the column is a smallint)', async () => {
    const coordinator = await h.as('coordinator');
    for (const revision of [9, 32_767, 32_768, 999_999, 2_147_483_648]) {
      const report = await coordinator.get(
        `/reports/plan?unit=${h.tenant.unitA}&period=2026&format=html&revision=${revision}`,
      );
      expect(report.status).toBe(404);
      expect(report.headers.get('content-type')).toContain('application/problem+json');
      expect(report.body.errors[0].path).toBe('revision');
      expect((await coordinator.get(`/plans/${planId}/versions/${revision}`)).status).toBe(404);
      const comparison = await coordinator.get(`/plans/${planId}/comparison?from=${revision}`);
      expect(comparison.status).toBe(400);
      expect(comparison.body.errors[0].path).toBe('from');
      expect((await coordinator.get(`/plans/${planId}/comparison?to=${revision}`)).body.errors[0].path).toBe('to');
    }
  });

  test('an adopted plan’s decision is not edited in place (409 naming the field); it changes through a revision, and the adopted version keeps the original', async () => {
    const coordinator = await h.as('coordinator');
    const draft = (
      await coordinator.post('/plans', {
        unitId: h.tenant.unitA,
        kind: 'internal_control',
        title: 'IK-plan med beslut',
        startYear: 2026,
        decisionDate: '2026-02-01',
      })
    ).body;
    // While a draft, the decision is edited freely.
    const edited = (
      await coordinator.patch(`/plans/${draft.id}`, {
        version: draft.version,
        decisionDate: '2026-02-12',
        decisionParagraph: '§ 14',
      })
    ).body;
    const adopted = (
      await coordinator.post(`/plans/${draft.id}/adopt`, {
        version: edited.version,
        decisionDate: '2026-02-12',
        decisionParagraph: '§ 14',
        diarienummer: 'GRF-2026-00042',
      })
    ).body;

    for (const [field, value] of [
      ['decisionDate', '2026-02-13'],
      ['decisionParagraph', '§ 41'],
      ['diarienummer', 'GRF-2026-00043'],
      ['decisionUnitId', h.tenant.unitA1],
    ] as const) {
      const refused = await coordinator.patch(`/plans/${draft.id}`, { version: adopted.version, [field]: value });
      expect(refused.status, field).toBe(409);
      expect(refused.body.type).toBe('urn:uppsikt:problem:locked');
      expect(refused.body.errors).toEqual([{ path: field, message: 'Beslutet ändras genom en revision av planen.' }]);
      expect(refused.body.detail).toContain('revision');
    }
    expect((await coordinator.get(`/plans/${draft.id}`)).body).toMatchObject({
      decisionDate: '2026-02-12',
      decisionParagraph: '§ 14',
      version: adopted.version,
    });
    // The whole form saved again with the decision unchanged is fine.
    const retitled = await coordinator.patch(`/plans/${draft.id}`, {
      version: adopted.version,
      title: 'IK-plan 2026',
      decisionDate: '2026-02-12',
      decisionParagraph: '§ 14',
      diarienummer: 'GRF-2026-00042',
      decisionUnitId: h.tenant.unitA,
    });
    expect(retitled.status).toBe(200);

    // A correction goes through a revision: the reason and the corrected decision.
    const revision = await coordinator.post(`/plans/${draft.id}/revisions`, {
      reason: 'Fel paragraf i protokollet rättad.',
      decisionParagraph: '§ 41',
      diarienummer: 'GRF-2026-00043',
    });
    expect(revision.status).toBe(201);
    expect(revision.body).toMatchObject({ revision: 2, reason: 'Fel paragraf i protokollet rättad.' });
    expect((await coordinator.get(`/plans/${draft.id}`)).body).toMatchObject({
      decisionDate: '2026-02-12',
      decisionParagraph: '§ 41',
      diarienummer: 'GRF-2026-00043',
      state: 'adopted',
    });
    expect((await coordinator.get(`/plans/${draft.id}/versions/1`)).body.snapshot.facts).toMatchObject({
      decisionParagraph: '§ 14',
      diarienummer: 'GRF-2026-00042',
    });
    expect((await coordinator.get(`/plans/${draft.id}/versions/2`)).body.snapshot.facts).toMatchObject({
      decisionParagraph: '§ 41',
      diarienummer: 'GRF-2026-00043',
    });
    const history = (await (await h.as('tenantAdmin')).get(`/audit-events?entityType=plan&entityId=${draft.id}`)).body
      .items;
    expect(
      history.find((event: { operation: string }) => event.operation === 'revise').changes.decisionParagraph,
    ).toEqual(['§ 14', '§ 41']);

    // A part of the decision that was never recorded may be filled in; once recorded, it is locked too.
    const withoutNumber = (
      await coordinator.post('/plans', {
        unitId: h.tenant.unitA,
        kind: 'activity',
        title: 'Aktivitetsplan',
        startYear: 2026,
      })
    ).body;
    const adoptedWithout = (
      await coordinator.post(`/plans/${withoutNumber.id}/adopt`, {
        version: withoutNumber.version,
        decisionDate: '2026-03-01',
      })
    ).body;
    const filled = await coordinator.patch(`/plans/${withoutNumber.id}`, {
      version: adoptedWithout.version,
      diarienummer: 'GRF-2026-00100',
    });
    expect(filled.status).toBe(200);
    expect(
      (await coordinator.patch(`/plans/${withoutNumber.id}`, { version: filled.body.version, diarienummer: null }))
        .status,
    ).toBe(409);
  });

  test('each version records its decision: adoption the plan’s, a revision its own with gäller från, a revision without one none', async () => {
    const coordinator = await h.as('coordinator');
    const draft = (
      await coordinator.post('/plans', {
        unitId: h.tenant.unitA,
        kind: 'internal_control',
        title: 'IK-plan med beslutshistorik',
        startYear: 2026,
      })
    ).body;
    await coordinator.post(`/plans/${draft.id}/adopt`, {
      version: draft.version,
      decisionDate: '2026-02-12',
      decisionParagraph: '§ 14',
      diarienummer: 'GRF-2026-00042',
    });
    // A revision without a decision keeps the decision in force.
    await coordinator.post(`/plans/${draft.id}/revisions`, { reason: 'Ny ansvarig för kontrollmomentet.' });
    expect(
      (
        await coordinator.post(`/plans/${draft.id}/revisions`, {
          reason: 'Ändrad gällande dag.',
          validFrom: 'i morgon',
        })
      ).body.errors[0].path,
    ).toBe('validFrom');
    const revised = await coordinator.post(`/plans/${draft.id}/revisions`, {
      reason: 'Nämnden beslutade om en ny risk.',
      decisionUnitId: h.tenant.unitA1,
      decisionDate: '2026-05-20',
      decisionParagraph: '§ 80',
      diarienummer: 'GRF-2026-00090',
      validFrom: '2026-06-01',
    });
    expect(revised.status).toBe(201);
    expect(revised.body.decision).toMatchObject({ decisionParagraph: '§ 80', validFrom: '2026-06-01' });
    // A correction of one part: the version records the whole decision, in force from its date.
    await coordinator.post(`/plans/${draft.id}/revisions`, { reason: 'Paragraf rättad.', decisionParagraph: '§ 81' });

    const versions = (await coordinator.get(`/plans/${draft.id}/versions`)).body.items;
    expect(versions.map((version: { decision: unknown }) => version.decision)).toEqual([
      {
        decisionUnitId: h.tenant.unitA,
        decisionUnitName: expect.any(String),
        decisionDate: '2026-02-12',
        decisionParagraph: '§ 14',
        diarienummer: 'GRF-2026-00042',
        validFrom: '2026-02-12',
      },
      null,
      {
        decisionUnitId: h.tenant.unitA1,
        decisionUnitName: expect.any(String),
        decisionDate: '2026-05-20',
        decisionParagraph: '§ 80',
        diarienummer: 'GRF-2026-00090',
        validFrom: '2026-06-01',
      },
      {
        decisionUnitId: h.tenant.unitA1,
        decisionUnitName: expect.any(String),
        decisionDate: '2026-05-20',
        decisionParagraph: '§ 81',
        diarienummer: 'GRF-2026-00090',
        validFrom: '2026-05-20',
      },
    ]);
    expect((await coordinator.get(`/plans/${draft.id}/versions/3`)).body.decision.validFrom).toBe('2026-06-01');
    const events = (
      await (await h.as('tenantAdmin')).get(`/audit-events?entityType=plan_version&entityId=${revised.body.id}`)
    ).body.items;
    expect(events[0].changes.validFrom).toEqual([null, '2026-06-01']);

    // The reports print the decision in force and, as the plan was revised by decisions, the list of them.
    const query = `unit=${h.tenant.unitA}&period=2026&format=md&plan=${draft.id}`;
    const report = (await coordinator.get(`/reports/plan?${query}`)).body as string;
    expect(report).toContain('Beslut om planen');
    expect(report).toMatch(/Beslut: .* 2026-02-12 § 14, dnr GRF-2026-00042, gäller från 2026-02-12\./);
    expect(report).toContain('2026-05-20 § 80, dnr GRF-2026-00090, gäller från 2026-06-01.');
    const followUp = (await coordinator.get(`/reports/control-follow-up?${query}`)).body as string;
    expect(followUp).toMatch(/Beslut i kraft: .* 2026-05-20 § 81, dnr GRF-2026-00090, gäller från 2026-05-20\./);
    expect(followUp).toContain('§ 80');
    // As adopted: only the adoption's decision, and no list for one decision.
    const asAdopted = (await coordinator.get(`/reports/control-follow-up?${query}&revision=1`)).body as string;
    expect(asAdopted).toContain('Beslut i kraft: ');
    expect(asAdopted).toContain('2026-02-12 § 14, dnr GRF-2026-00042, gäller från 2026-02-12.');
    expect(asAdopted).not.toContain('Beslut om planen');
    expect(asAdopted).not.toContain('§ 80');
  });

  test('a draft is not revised; an adopted plan is closed; other tenants see nothing', async () => {
    const coordinator = await h.as('coordinator');
    const draft = (
      await coordinator.post('/plans', {
        unitId: h.tenant.unitA,
        kind: 'activity',
        title: 'Aktivitetsplan',
        startYear: 2026,
      })
    ).body;
    expect((await coordinator.post(`/plans/${draft.id}/revisions`, { reason: 'Ändrad' })).body.errors[0].path).toBe(
      'state',
    );
    expect((await coordinator.post(`/plans/${draft.id}/close`, { version: draft.version })).body.errors[0].path).toBe(
      'state',
    );
    const plan = (await coordinator.get(`/plans/${planId}`)).body;
    const closed = await coordinator.post(`/plans/${planId}/close`, { version: plan.version });
    expect(closed.body).toMatchObject({ state: 'closed' });
    expect((await (await h.as('otherAdmin')).get(`/plans/${planId}/versions`)).status).toBe(404);
    expect((await (await h.as('otherAdmin')).get(`/plans/${planId}/comparison`)).status).toBe(404);
    const history = (
      await (await h.as('tenantAdmin')).get(`/audit-events?entityType=plan&entityId=${planId}`)
    ).body.items.map((event: { operation: string }) => event.operation);
    expect(history).toEqual(expect.arrayContaining(['adopt', 'close']));
  });
});
