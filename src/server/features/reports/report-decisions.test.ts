import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../../../test/support/harness.ts';

describe('the decision taken on an issued report', () => {
  let h: Harness;
  let reportId: string;
  let otherUnitReportId: string;

  beforeAll(async () => {
    h = await createHarness();
    const admin = await h.as('tenantAdmin');
    for (const unitId of [h.tenant.unitA, h.tenant.unitB])
      await admin.post('/plans', {
        unitId,
        kind: 'internal_control',
        title: 'Internkontrollplan 2026',
        startYear: 2026,
      });
    const coordinator = await h.as('coordinator');
    const issued = await coordinator.post('/reports/plan/issue', {
      unitId: h.tenant.unitA,
      period: '2026',
      format: 'docx',
    });
    expect(issued.status).toBe(201);
    expect(issued.body.decision).toBeNull();
    reportId = issued.body.id;
    otherUnitReportId = (
      await (
        await h.as('tenantAdmin')
      ).post('/reports/plan/issue', { unitId: h.tenant.unitB, period: '2026', format: 'docx' })
    ).body.id;
  });
  afterAll(() => h.close());

  const decision = () => ({
    decisionUnitId: h.tenant.unitA,
    decisionDate: '2026-09-16',
    decisionParagraph: '§ 95',
    diarienummer: 'GRF-2026-00120',
    outcome: 'approved',
  });

  test('the unit’s administrator or coordinator records it; others may not; the body must be a unit of the tenant', async () => {
    for (const role of ['responsible', 'reader', 'auditor'] as const) {
      const refused = await (await h.as(role)).request('PUT', `/issued-reports/${reportId}/decision`, decision());
      expect(refused.status, role).toBe(403);
    }
    const coordinator = await h.as('coordinator');
    expect((await coordinator.request('PUT', `/issued-reports/${otherUnitReportId}/decision`, decision())).status).toBe(
      404,
    );
    const foreignUnit = await coordinator.request('PUT', `/issued-reports/${reportId}/decision`, {
      ...decision(),
      decisionUnitId: h.otherTenant.rootId,
    });
    expect(foreignUnit.status).toBe(400);
    expect(foreignUnit.body.errors).toEqual([
      { path: 'decisionUnitId', message: 'Det finns ingen sådan nämnd eller styrelse hos er.' },
    ]);
    const badOutcome = await coordinator.request('PUT', `/issued-reports/${reportId}/decision`, {
      ...decision(),
      outcome: 'rejected',
    });
    expect(badOutcome.body.errors[0].path).toBe('outcome');
    expect(
      (
        await coordinator.request('PUT', `/issued-reports/${reportId}/decision`, {
          ...decision(),
          decisionDate: undefined,
        })
      ).body.errors[0].path,
    ).toBe('decisionDate');

    const recorded = await coordinator.request('PUT', `/issued-reports/${reportId}/decision`, decision());
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({
      ...decision(),
      note: null,
      version: 1,
      recordedByName: 'Person coordinator',
      decisionUnitName: expect.any(String),
    });
    const read = (await (await h.as('reader')).get(`/issued-reports/${reportId}`)).body;
    expect(read.decision).toMatchObject({ outcome: 'approved', decisionParagraph: '§ 95', version: 1 });
    const listed = (await coordinator.get(`/issued-reports?unit=${h.tenant.unitA}`)).body.items;
    expect(listed.find((item: { id: string }) => item.id === reportId).decision.outcome).toBe('approved');
    expect((await (await h.as('tenantAdmin')).get(`/issued-reports/${otherUnitReportId}`)).body.decision).toBeNull();

    const events = (
      await (await h.as('tenantAdmin')).get(`/audit-events?entityType=report_decision&entityId=${recorded.body.id}`)
    ).body.items;
    expect(events[0]).toMatchObject({ operation: 'create' });
    expect(events[0].changes.outcome).toEqual([null, 'approved']);
  });

  test('a recorded decision is replaced only by naming its version (body or If-Match); a stale one is 409', async () => {
    const admin = await h.as('administrator');
    const current = (await admin.get(`/issued-reports/${reportId}`)).body.decision;
    const unnamed = await admin.request('PUT', `/issued-reports/${reportId}/decision`, {
      ...decision(),
      outcome: 'noted',
    });
    expect(unnamed.status).toBe(409);
    const replaced = await admin.request(
      'PUT',
      `/issued-reports/${reportId}/decision`,
      { ...decision(), outcome: 'referred_back', note: 'Återremitteras för komplettering.' },
      { 'if-match': `"${current.version}"` },
    );
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({
      outcome: 'referred_back',
      version: 2,
      recordedByName: 'Person administrator',
    });
    const stale = await admin.request('PUT', `/issued-reports/${reportId}/decision`, {
      ...decision(),
      outcome: 'noted',
      version: current.version,
    });
    expect(stale.status).toBe(409);
    const noted = await admin.request('PUT', `/issued-reports/${reportId}/decision`, {
      ...decision(),
      outcome: 'noted',
      version: 2,
    });
    expect(noted.body).toMatchObject({ outcome: 'noted', version: 3, note: null });
    const events = (
      await (await h.as('tenantAdmin')).get(`/audit-events?entityType=report_decision&entityId=${current.id}`)
    ).body.items;
    const updates = events.filter((event: { operation: string }) => event.operation === 'update');
    expect(updates).toHaveLength(2);
    expect(updates.map((event: { changes: { outcome: unknown } }) => event.changes.outcome)).toEqual(
      expect.arrayContaining([
        ['approved', 'referred_back'],
        ['referred_back', 'noted'],
      ]),
    );
  });

  test('other tenants neither see nor record it', async () => {
    const other = await h.as('otherAdmin');
    expect((await other.get(`/issued-reports/${reportId}`)).status).toBe(404);
    expect(
      (
        await other.request('PUT', `/issued-reports/${reportId}/decision`, {
          ...decision(),
          decisionUnitId: h.otherTenant.rootId,
        })
      ).status,
    ).toBe(404);
  });
});
