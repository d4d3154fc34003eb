import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../../../test/support/harness.ts';

describe('GET /overview', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    const admin = await h.as('tenantAdmin');
    const planA1 = (
      await admin.post('/plans', {
        unitId: h.tenant.unitA1,
        kind: 'internal_control',
        title: 'Plan A1 2026',
        startYear: 2026,
      })
    ).body.id;
    const vocabulary = h.tenant.vocabularyIds;
    const risk = (
      await admin.post('/risks', {
        planId: planA1,
        title: 'Risk med värde',
        likelihood: 2,
        consequence: 3,
        processId: vocabulary.process.ekonomi,
        categoryId: vocabulary.risk_category.verksamhetsrisk,
      })
    ).body;
    expect(risk.process?.key).toBe('ekonomi');
    await admin.post('/risks', { planId: planA1, title: 'Risk utan bedömning' });
    const personnel = (
      await admin.post('/risks', {
        planId: planA1,
        title: 'Personalrisk',
        likelihood: 1,
        consequence: 1,
        processId: vocabulary.process.personal,
      })
    ).body;
    await admin.post('/controls', { riskId: personnel.id, title: 'Personalkontroll' });
    await admin.post('/controls', {
      riskId: risk.id,
      title: 'Slutar i går',
      endDate: '2026-06-14',
      statusId: h.tenant.statusIds.pagaende,
    });
    await admin.post('/controls', {
      riskId: risk.id,
      title: 'Klar i tid',
      endDate: '2026-06-01',
      statusId: h.tenant.statusIds.klar,
    });
    const activityPlan = (
      await admin.post('/plans', {
        unitId: h.tenant.unitB,
        kind: 'activity',
        title: 'Aktivitetsplan B 2025–2026',
        startYear: 2025,
        endYear: 2026,
      })
    ).body.id;
    expect(
      (
        await admin.post('/activities', {
          planId: activityPlan,
          number: '1',
          title: 'Aktivitet utan status',
          endDate: '2025-12-31',
        })
      ).status,
    ).toBe(201);
  });
  afterAll(() => h.close());

  test('counts per unit under the scope, over every plan kind, with the matrix in counts and the unassessed risks', async () => {
    const reply = await (await h.as('tenantAdmin')).get(`/overview?year=2026&unit=${h.tenant.rootId}`);
    expect(reply.status).toBe(200);
    const byName = Object.fromEntries(reply.body.rows.map((row: { unit: { name: string } }) => [row.unit.name, row]));
    expect(Object.keys(byName)).toEqual(['Nämnd A', 'Nämnd B']);
    expect(byName['Nämnd A']).toMatchObject({
      items: 3,
      overdue: 1,
      risks: 3,
      unassessedRisks: 1,
      highestRiskValue: 6,
      statuses: { in_progress: 1, completed: 1, none: 1 },
    });
    expect(byName['Nämnd B']).toMatchObject({ items: 1, overdue: 1, risks: 0, statuses: { none: 1 } });
    expect(reply.body.matrix.cells).toEqual([
      { likelihood: 2, consequence: 3, count: 1 },
      { likelihood: 1, consequence: 1, count: 1 },
    ]);
    expect(reply.body.matrix.unassessedRisks).toBe(1);
  });

  test('the risks totalled per process and per category, by name, those without one last', async () => {
    const reply = await (await h.as('tenantAdmin')).get(`/overview?year=2026&unit=${h.tenant.rootId}`);
    const summary = (
      groups: { entry: { key: string } | null; risks: number; highestRiskValue: number | null; controls: number }[],
    ) => groups.map((group) => [group.entry?.key ?? null, group.risks, group.highestRiskValue, group.controls]);
    expect(summary(reply.body.byProcess)).toEqual([
      ['ekonomi', 1, 6, 2],
      ['personal', 1, 1, 1],
      [null, 1, null, 0],
    ]);
    expect(summary(reply.body.byCategory)).toEqual([
      ['verksamhetsrisk', 1, 6, 2],
      [null, 2, 1, 1],
    ]);
    expect(reply.body.byProcess[0].entry).toMatchObject({ labelSv: 'Ekonomi', labelEn: 'Finance' });
  });

  test('the council summary prints the same totals per process and per category', async () => {
    const admin = await h.as('tenantAdmin');
    const api = (await admin.get(`/overview?year=2026&unit=${h.tenant.rootId}`)).body;
    const report = await admin.get(`/reports/council-summary?unit=${h.tenant.rootId}&period=2026&format=md`, {
      'accept-language': 'sv',
    });
    expect(report.status).toBe(200);
    const lines = new TextDecoder().decode(report.bytes).split('\n');
    const printed = (caption: string) => {
      const start = lines.indexOf(`*${caption}*`);
      expect(start, caption).toBeGreaterThan(-1);
      const rows: string[][] = [];
      for (let index = start + 4; lines[index]?.startsWith('|'); index += 1)
        rows.push(
          lines[index]!.slice(2, -2)
            .split(' | ')
            .map((cell) => cell.trim()),
        );
      return rows;
    };
    for (const [caption, groups] of [
      ['Risker per process', api.byProcess],
      ['Risker per riskkategori', api.byCategory],
    ] as const) {
      expect(printed(caption)).toEqual(
        (
          groups as {
            entry: { labelSv: string } | null;
            risks: number;
            highestRiskValue: number | null;
            controls: number;
          }[]
        ).map((group) => [
          group.entry?.labelSv ?? 'Inte angiven',
          String(group.risks),
          group.highestRiskValue === null ? '–' : String(group.highestRiskValue),
          String(group.controls),
        ]),
      );
    }
  });

  test('?process= and ?category= count only those risks, their controls and actions; activities are left out', async () => {
    const admin = await h.as('tenantAdmin');
    const vocabulary = h.tenant.vocabularyIds;
    const reply = await admin.get(`/overview?year=2026&unit=${h.tenant.rootId}&process=${vocabulary.process.ekonomi}`);
    expect(reply.status).toBe(200);
    const byName = Object.fromEntries(reply.body.rows.map((row: { unit: { name: string } }) => [row.unit.name, row]));
    expect(byName['Nämnd A']).toMatchObject({ items: 2, risks: 1, unassessedRisks: 0, overdue: 1 });
    expect(byName['Nämnd B']).toMatchObject({ items: 0, overdue: 0, risks: 0 });
    expect(reply.body.matrix.cells).toEqual([{ likelihood: 2, consequence: 3, count: 1 }]);
    expect(reply.body.byProcess.map((group: { entry: { key: string } }) => group.entry.key)).toEqual(['ekonomi']);

    const personnel = await admin.get(
      `/overview?year=2026&unit=${h.tenant.rootId}&process=${vocabulary.process.personal}&category=${vocabulary.risk_category.verksamhetsrisk}`,
    );
    expect(personnel.body.rows.find((row: { unit: { name: string } }) => row.unit.name === 'Nämnd A')).toMatchObject({
      items: 0,
      risks: 0,
    });
    expect(personnel.body.byProcess).toEqual([]);

    const category = await admin.get(
      `/overview?year=2026&unit=${h.tenant.rootId}&category=${vocabulary.risk_category.verksamhetsrisk}`,
    );
    expect(category.body.byCategory).toHaveLength(1);
    expect(category.body.rows[0]).toMatchObject({ risks: 1, items: 2 });

    // A category given as the process, or an id of no entry: 400 naming the field.
    const wrongKind = await admin.get(`/overview?year=2026&process=${vocabulary.risk_category.verksamhetsrisk}`);
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.errors[0].path).toBe('process');
    const unknown = await admin.get(`/overview?year=2026&category=${vocabulary.process.ekonomi}`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].path).toBe('category');
    const notAnId = await admin.get('/overview?year=2026&process=ekonomi');
    expect(notAnId.status).toBe(400);
  });

  test("overdue is measured against the request's clock", async () => {
    const admin = await h.as('tenantAdmin');
    h.clock.set('2026-06-10T10:00:00Z');
    try {
      const row = (await admin.get(`/overview?year=2026&unit=${h.tenant.rootId}`)).body.rows.find(
        (candidate: { unit: { id: string } }) => candidate.unit.id === h.tenant.unitA,
      );
      expect(row.overdue).toBe(0);
    } finally {
      h.clock.set('2026-06-15T10:00:00Z');
    }
  });

  test('a caller sees and counts only what they read: their nämnd by default, another nämnd is not found', async () => {
    const coordinator = await h.as('coordinator');
    const own = await coordinator.get('/overview?year=2026');
    expect(own.status).toBe(200);
    expect(own.body.unit.id).toBe(h.tenant.unitA);
    expect(own.body.rows.map((row: { unit: { name: string } }) => row.unit.name)).toEqual(['Förvaltning A1']);
    expect((await coordinator.get(`/overview?year=2026&unit=${h.tenant.unitB}`)).status).toBe(404);
    expect((await (await h.as('otherAdmin')).get(`/overview?year=2026&unit=${h.tenant.rootId}`)).status).toBe(404);
    expect((await h.anonymous.get('/overview?year=2026')).status).toBe(401);
    expect((await coordinator.get('/overview')).status).toBe(400);
  });
});
