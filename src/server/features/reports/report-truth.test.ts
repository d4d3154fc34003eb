import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../../../test/support/harness.ts';

// A report must not say something untrue: statements about the data follow the data, texts
// that are one municipality's words are not the product's, the plan shown is the adopted one
// (and named), and missing parts of a line are left out rather than printed empty.

describe('reports say only what is true', () => {
  let h: Harness;
  let adoptedId: string;
  let riskId: string;
  let controlId: string;
  const md = (kind: string, unit: string, extra = '') => `/reports/${kind}?unit=${unit}&period=2026&format=md${extra}`;

  beforeAll(async () => {
    h = await createHarness();
    const admin = await h.as('tenantAdmin');
    adoptedId = (
      await admin.post('/plans', {
        unitId: h.tenant.unitA,
        kind: 'internal_control',
        title: 'Internkontrollplan 2026',
        startYear: 2026,
      })
    ).body.id;
    riskId = (
      await admin.post('/risks', { planId: adoptedId, title: 'Felaktiga utbetalningar', likelihood: 3, consequence: 4 })
    ).body.id;
    controlId = (
      await admin.post('/controls', {
        riskId,
        title: 'Stickprov av utbetalningar',
        responsibleIds: [h.userIds.responsible],
        endDate: '2026-12-31',
      })
    ).body.id;
    expect(controlId).toBeTruthy();
  });
  afterAll(() => h.close());

  test('point 14: "Inga avvikelser funna" is said only when no deviation is recorded, and the count when there are', async () => {
    const reader = await h.as('reader');
    const none = (await reader.get(md('control-follow-up', h.tenant.unitA))).body as string;
    expect(none).toContain('Inga avvikelser funna.');
    expect(none).not.toMatch(/avvikelser? är rapporterade?/);

    const coordinator = await h.as('coordinator');
    for (const title of ['Dubbel utbetalning', 'Saknad attest']) {
      expect(
        (
          await coordinator.post('/deviations', {
            controlId,
            title,
            severityId: h.tenant.vocabularyIds.deviation_severity.significant,
            foundOn: '2026-03-02',
          })
        ).status,
      ).toBe(201);
    }
    const two = (await reader.get(md('control-follow-up', h.tenant.unitA))).body as string;
    expect(two).toContain('Dubbel utbetalning');
    expect(two).toContain('2 avvikelser är rapporterade.');
    expect(two).not.toContain('Inga avvikelser');
  });

  test('point 18: a review line leaves out the meeting date or § it does not have', async () => {
    const admin = await h.as('tenantAdmin');
    const reviews = [
      { title: 'Granskning utan beslut', diarienummer: 'NA-2026-1' },
      { title: 'Granskning med bara datum', meetingDate: '2026-05-12' },
      { title: 'Granskning med bara paragraf', decisionParagraph: '§12' },
      { title: 'Granskning med båda', diarienummer: 'NA-2026-4', meetingDate: '2026-06-16', decisionParagraph: '§95' },
    ];
    for (const review of reviews)
      expect((await admin.post('/reviews', { planId: adoptedId, ...review })).status).toBe(201);
    const report = (await (await h.as('reader')).get(md('improvement-actions', h.tenant.unitA))).body as string;
    expect(report).toContain('- NA-2026-1 Granskning utan beslut.\n');
    expect(report).toContain('- Granskning med bara datum. Sammanträde 2026-05-12.\n');
    expect(report).toContain('- Granskning med bara paragraf. Protokoll §12.\n');
    expect(report).toContain('- NA-2026-4 Granskning med båda. Sammanträde 2026-06-16, protokoll §95.\n');
    expect(report).not.toMatch(/Sammanträde ,|protokoll \.|Sammanträde \./);
    const english = (await (await h.as('reader')).get(`${md('improvement-actions', h.tenant.unitA)}&lang=en`))
      .body as string;
    expect(english).toContain('- NA-2026-1 Granskning utan beslut.\n');
    expect(english).toContain('- Granskning med bara paragraf. Minutes §12.\n');
  });

  test('point 15: the product says a meeting in neutral words; the tenant’s own sentence replaces it; no other municipality’s words', async () => {
    const admin = await h.as('tenantAdmin');
    expect(
      (
        await admin.post('/reporting-calendar/events', {
          kind: 'namnd_meeting',
          unitId: h.tenant.unitA,
          date: '2026-09-16',
          title: 'Nämndsammanträde',
          agenda: 'Uppföljning av intern kontroll.',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await admin.post('/reporting-calendar/events', {
          kind: 'ks_meeting',
          date: '2026-10-01',
          datePrecision: 'month',
          title: 'KS',
          agenda: 'Nämndernas rapporter.',
        })
      ).status,
    ).toBe(201);
    const reader = await h.as('reader');
    const neutral = (await reader.get(md('control-follow-up', h.tenant.unitA))).body as string;
    expect(neutral).toContain('Sammanträde den 16 september.');
    expect(neutral).toContain('Sammanträde i oktober.');
    for (const kind of ['control-follow-up', 'improvement-actions', 'plan']) {
      const report = (await reader.get(md(kind, h.tenant.unitA))).body as string;
      expect(report).not.toMatch(/Stratsys|informeras|Att diskutera|bokslutsdialogen/);
    }

    const coordinator = await h.as('coordinator');
    const own = {
      reportKind: 'control-follow-up',
      section: 'committee-reporting',
      unitId: h.tenant.unitA,
      year: 2026,
      body: 'Nämnden informeras den 16 september.',
    };
    expect((await coordinator.request('PUT', '/report-texts', own)).status).toBe(201);
    const withOwn = (await reader.get(md('control-follow-up', h.tenant.unitA))).body as string;
    expect(withOwn).toContain('Nämnden informeras den 16 september.');
    expect(withOwn).not.toContain('Sammanträde den 16 september.');
    expect(withOwn).toContain('Sammanträde i oktober.');
  });

  test('point 16: a new draft or an edit does not replace the adopted plan; the report names the plan and revision it shows', async () => {
    const coordinator = await h.as('coordinator');
    const admin = await h.as('tenantAdmin');
    const reader = await h.as('reader');
    const plan = (await coordinator.get(`/plans/${adoptedId}`)).body;
    expect(
      (
        await coordinator.post(`/plans/${adoptedId}/adopt`, {
          version: plan.version,
          decisionDate: '2026-02-12',
          decisionParagraph: '§ 14',
        })
      ).status,
    ).toBe(200);

    // After adoption: a new draft for the same unit and year, and an edit of the adopted plan.
    const draftId = (
      await admin.post('/plans', {
        unitId: h.tenant.unitA,
        kind: 'internal_control',
        title: 'Nytt utkast 2026',
        startYear: 2026,
      })
    ).body.id;
    await admin.post('/risks', { planId: draftId, title: 'Utkastets risk', likelihood: 1, consequence: 1 });
    const risk = (await admin.get(`/risks/${riskId}`)).body;
    expect((await admin.patch(`/risks/${riskId}`, { version: risk.version, title: 'Omskriven risk' })).status).toBe(
      200,
    );
    await admin.post('/follow-ups', {
      controlId,
      periodId: h.tenant.periodIds.q1,
      body: 'Stickprov gjort i mars.',
      reportedOn: '2026-03-30',
    });

    for (const kind of ['plan', 'control-follow-up', 'improvement-actions']) {
      const report = (await reader.get(md(kind, h.tenant.unitA))).body as string;
      expect(report, kind).toContain('Internkontrollplan 2026, antagen 2026-02-12 § 14, revision 1');
      if (kind !== 'improvement-actions') expect(report, kind).toContain('Felaktiga utbetalningar'); // that one lists risks with actions only
      expect(report, kind).not.toContain('Omskriven risk');
      expect(report, kind).not.toContain('Utkastets risk');
      expect(report, kind).not.toContain('Nytt utkast');
    }
    // What reports on the plan is as recorded now.
    expect((await reader.get(md('control-follow-up', h.tenant.unitA))).body).toContain('Stickprov gjort i mars.');

    // A revision makes the edit part of the decided plan.
    expect(
      (await coordinator.post(`/plans/${adoptedId}/revisions`, { reason: 'Nämnden beslutade 2026-05-20 § 80.' }))
        .status,
    ).toBe(201);
    const revised = (await reader.get(md('plan', h.tenant.unitA))).body as string;
    expect(revised).toContain('Internkontrollplan 2026, antagen 2026-02-12 § 14, revision 2');
    expect(revised).toContain('Omskriven risk');
    const asAdopted = (await reader.get(md('plan', h.tenant.unitA, '&revision=1'))).body as string;
    expect(asAdopted).toContain('revision 1');
    expect(asAdopted).toContain('Felaktiga utbetalningar');

    // The draft when asked for, labelled as one.
    const draft = (await reader.get(md('plan', h.tenant.unitA, `&plan=${draftId}`))).body as string;
    expect(draft).toContain('Nytt utkast 2026, utkast (ej antagen)');
    expect(draft).toContain('Utkastets risk');
    expect(draft).not.toContain('Felaktiga utbetalningar');
    const elsewhere = await reader.get(md('plan', h.tenant.unitA1, `&plan=${draftId}`));
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.errors[0].path).toBe('plan');
    const summary = await reader.get(
      `/reports/council-summary?unit=${h.tenant.rootId}&period=2026&format=md&plan=${draftId}`,
    );
    expect(summary.body.errors[0].path).toBe('plan');
  });

  test('point 16: without an adopted plan, the newest draft, labelled as a draft', async () => {
    const admin = await h.as('tenantAdmin');
    await admin.post('/plans', {
      unitId: h.tenant.unitB,
      kind: 'internal_control',
      title: 'Plan B 2026',
      startYear: 2026,
    });
    const report = (await admin.get(md('control-follow-up', h.tenant.unitB))).body as string;
    expect(report).toContain('Plan B 2026, utkast (ej antagen)');
  });
});
