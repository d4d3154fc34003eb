import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { reportingPeriods } from '../db/schema/reporting-periods.ts';
import { createHarness, ok, type Client, type Harness } from '../../../test/support/harness.ts';

// Reports for a reporting period of the årshjul rather than a whole plan year: what a
// kvartal, a halvår, a delår or a named period holds of the plan's follow-up, how the report
// says which period it covers, and the refusals of a period that is none or is not in the årshjul.

describe('reports for a reporting period', () => {
  let h: Harness;
  let admin: Client;
  const md = async (kind: string, period: string, lang: 'sv' | 'en' = 'sv') => {
    const reply = await admin.get(
      `/reports/${kind}?unit=${h.tenant.unitA}&period=${encodeURIComponent(period)}&format=md&lang=${lang}`,
      { 'accept-language': lang },
    );
    return { status: reply.status, text: new TextDecoder().decode(reply.bytes), body: reply.body };
  };

  beforeAll(async () => {
    h = await createHarness();
    admin = await h.as('tenantAdmin');
    const plan = await ok(
      admin.post('/plans', {
        unitId: h.tenant.unitA,
        kind: 'internal_control',
        title: 'Kontrollplan 2026',
        startYear: 2026,
      }),
    );
    const risk = await ok(admin.post('/risks', { planId: plan.id, title: 'Felaktiga utbetalningar' }));
    const control = await ok(
      admin.post('/controls', {
        riskId: risk.id,
        title: 'Stickprov på utbetalningar',
        endDate: '2026-12-31',
        responsibleIds: [h.userIds.responsible],
      }),
    );
    for (const [periodId, body] of [
      [h.tenant.periodIds.q1, 'Första kvartalets stickprov utan anmärkning.'],
      [h.tenant.periodIds.q2, 'Andra kvartalets stickprov visade två fel.'],
    ] as const)
      await ok(admin.post('/follow-ups', { controlId: control.id, periodId, body }));
    for (const [foundOn, title] of [
      ['2026-02-10', 'Attest saknades i februari'],
      ['2026-05-20', 'Dubbel utbetalning i maj'],
    ] as const)
      await ok(
        admin.post('/deviations', {
          controlId: control.id,
          title,
          foundOn,
          severityId: h.tenant.vocabularyIds.deviation_severity.significant,
        }),
      );
    // A delår and a period of the tenant's own, as an administrator sets them up in the årshjul.
    await h.db.insert(reportingPeriods).values([
      {
        tenantId: h.tenant.tenantId,
        id: uuidv7(),
        kind: 'interim',
        year: 2026,
        name: 'Delår 1',
        startDate: '2026-01-01',
        endDate: '2026-04-30',
      },
      {
        tenantId: h.tenant.tenantId,
        id: uuidv7(),
        kind: 'custom',
        year: 2026,
        name: 'Vårens uppföljning 2026',
        startDate: '2026-03-01',
        endDate: '2026-06-30',
      },
    ]);
  });
  afterAll(() => h.close());

  test('a quarter holds the follow-ups of that quarter and says which period it covers', async () => {
    const q1 = await md('control-follow-up', '2026-Q1');
    expect(q1.status).toBe(200);
    expect(q1.text).toContain('Rapportperiod: Kvartal 1 2026 (2026-01-01 – 2026-03-31)');
    expect(q1.text).toContain('Första kvartalets stickprov utan anmärkning.');
    expect(q1.text).not.toContain('Andra kvartalets stickprov');
    const q2 = await md('control-follow-up', 'Kvartal 2 2026');
    expect(q2.text).toContain('Rapportperiod: Kvartal 2 2026 (2026-04-01 – 2026-06-30)');
    expect(q2.text).toContain('Andra kvartalets stickprov visade två fel.');
    expect(q2.text).not.toContain('Första kvartalets stickprov');
    const english = await md('control-follow-up', '2026-Q2', 'en');
    expect(english.text).toContain('Reporting period: Quarter 2 2026 (2026-04-01 – 2026-06-30)');
  });

  test('the whole year and the first half hold both quarters; the second half holds none of them', async () => {
    const year = await md('control-follow-up', '2026');
    expect(year.text).not.toContain('Rapportperiod');
    const half = await md('control-follow-up', '2026-H1');
    expect(half.text).toContain('Rapportperiod: Halvår 1 2026 (2026-01-01 – 2026-06-30)');
    for (const report of [year, half]) {
      expect(report.text).toContain('Första kvartalets stickprov');
      expect(report.text).toContain('Andra kvartalets stickprov');
    }
    const second = await md('control-follow-up', '2026-H2');
    expect(second.status).toBe(200);
    expect(second.text).not.toContain('kvartalets stickprov');
  });

  test('the deviations of a period are those found in it', async () => {
    const q1 = await md('deviations', '2026-Q1');
    expect(q1.text).toContain('Rapporterade avvikelser Kvartal 1 2026');
    expect(q1.text).toContain('Attest saknades i februari');
    expect(q1.text).not.toContain('Dubbel utbetalning i maj');
    const t2 = await md('deviations', '2026-T2');
    expect(t2.text).toContain('Rapportperiod: Tertial 2 2026 (2026-05-01 – 2026-08-31)');
    expect(t2.text).toContain('Dubbel utbetalning i maj');
    expect(t2.text).not.toContain('Attest saknades');
  });

  test('a delår and a named period are taken with the dates the årshjul gives them', async () => {
    const interim = await md('deviations', '2026-D');
    expect(interim.text).toContain('Rapportperiod: Delår 1 2026 (2026-01-01 – 2026-04-30)');
    expect(interim.text).toContain('Attest saknades i februari');
    expect(interim.text).not.toContain('Dubbel utbetalning');
    const named = await md('deviations', 'vårens uppföljning 2026');
    expect(named.status).toBe(200);
    expect(named.text).toContain('Rapportperiod: Vårens uppföljning 2026 (2026-03-01 – 2026-06-30)');
    expect(named.text).toContain('Dubbel utbetalning i maj');
    expect(named.text).not.toContain('Attest saknades');
  });

  test('a period that is none is refused with 400, one the årshjul lacks with 404, both naming the period', async () => {
    for (const period of ['2026-Q5', '2026-X1', ''])
      expect((await md('control-follow-up', period)).status, period).toBe(400);
    const malformed = await md('control-follow-up', '2026-Q5', 'en');
    expect(malformed.body.errors[0].path).toBe('period');
    for (const period of ['2026-P1', '2026-D2', 'Höstens uppföljning 2026']) {
      const missing = await md('control-follow-up', period);
      expect(missing.status, period).toBe(404);
      expect(missing.body.errors[0].path).toBe('period');
      expect(missing.body.detail).toContain(period);
    }
  });

  test('the plan and the kommunstyrelse summary are made for whole plan years', async () => {
    for (const kind of ['plan', 'plan-table', 'council-summary']) {
      const refused = await md(kind, '2026-Q1', 'en');
      expect(refused.status, kind).toBe(400);
      expect(refused.body.detail).toContain('whole plan years');
    }
  });

  test('a unit without a plan for the period’s year is not found', async () => {
    const reply = await md('control-follow-up', '2025-Q1');
    expect(reply.status).toBe(404);
  });
});
