import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../../../test/support/harness.ts';
import { describeResourceContract, MANAGER_ROLES } from '../../../../test/support/resource-contract.ts';

interface Copy {
  unitId: string;
  planId: string | null;
  riskId: string | null;
  controlId: string | null;
  state: string;
}

describe('common controls (kommungemensamma kontrollmoment)', () => {
  let h: Harness;
  const plans = { unitA: '', unitB: '' };

  beforeAll(async () => {
    h = await createHarness();
    const admin = await h.as('tenantAdmin');
    for (const unit of ['unitA', 'unitB'] as const)
      plans[unit] = (
        await admin.post('/plans', {
          unitId: h.tenant[unit],
          kind: 'internal_control',
          title: 'Internkontrollplan 2026',
          startYear: 2026,
        })
      ).body.id;
    // Nämnd B has adopted its plan before the kommunstyrelse defines the common control.
    const b = (await admin.get(`/plans/${plans.unitB}`)).body;
    expect(
      (await admin.post(`/plans/${plans.unitB}/adopt`, { version: b.version, decisionDate: '2026-01-20' })).status,
    ).toBe(200);
  });
  afterAll(() => h.close());

  describeResourceContract(
    {
      resource: 'common-controls',
      entityType: 'common_control',
      async create(harness, unit) {
        const reply = await (
          await harness.as('tenantAdmin')
        ).post('/common-controls', {
          originUnitId: harness.tenant[unit],
          year: 2030,
          riskTitle: 'Jäv vid inköp',
          title: 'Kontroll av jäv vid inköp',
        });
        expect(reply.status, JSON.stringify(reply.body)).toBe(201);
        return reply.body.id as string;
      },
      change: (n) => ({ scope: `${n} inköp per kvartal` }),
      changedField: 'scope',
      archivable: true,
      roles: MANAGER_ROLES,
    },
    () => h,
  );

  const byUnit = (copies: Copy[], unitId: string) => copies.find((copy) => copy.unitId === unitId)!;

  test('defined at the kommun, it reaches every nämnd: the draft plan gets the risk and control, the adopted one is offered it', async () => {
    const admin = await h.as('tenantAdmin');
    const ids = h.tenant.vocabularyIds;
    const created = await admin.post('/common-controls', {
      originUnitId: h.tenant.rootId,
      year: 2026,
      riskTitle: 'Bristande kontroll av representation',
      processId: ids.process.ekonomi,
      categoryId: ids.risk_category['oegentligheter-och-korruption'],
      title: 'Granskning av representationsfakturor',
      methodId: ids.control_method.stickprov,
      scope: '10 fakturor per kvartal',
      frequency: { kind: 'quarterly' },
      reportingTime: 'Vid delårsrapport och årsredovisning',
      reportsTo: ['committee', 'executive_board'],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      process: { key: 'ekonomi' },
      method: { key: 'stickprov' },
      frequency: { kind: 'quarterly' },
      targetUnitIds: [],
    });
    const copies = created.body.copies as Copy[];
    expect(copies.map((copy) => copy.unitId).sort()).toEqual([h.tenant.unitA, h.tenant.unitB].sort());
    expect(byUnit(copies, h.tenant.unitA)).toMatchObject({ planId: plans.unitA, state: 'in_plan' });
    expect(byUnit(copies, h.tenant.unitB)).toMatchObject({ planId: plans.unitB, state: 'offered', controlId: null });

    // The copy in Nämnd A's plan: a risk and its control, linked to the origin, checkpoints from the frequency.
    const copy = byUnit(copies, h.tenant.unitA);
    const control = (await admin.get(`/controls/${copy.controlId}`)).body;
    expect(control).toMatchObject({
      planId: plans.unitA,
      riskId: copy.riskId,
      title: 'Granskning av representationsfakturor',
      method: { key: 'stickprov' },
      checkpoints: ['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31'],
    });
    const risk = (await admin.get(`/risks/${copy.riskId}`)).body;
    expect(risk).toMatchObject({ title: 'Bristande kontroll av representation', response: 'control' });
    expect(risk.process.key).toBe('ekonomi');
    // The plan overview carries the same: process, category and response; method, scope and frequency.
    const inOverview = (await admin.get(`/plans/${plans.unitA}/overview`)).body.risks.find(
      (row: { id: string }) => row.id === copy.riskId,
    );
    expect(inOverview).toMatchObject({
      process: { key: 'ekonomi' },
      category: { key: 'oegentligheter-och-korruption' },
      response: 'control',
      commonControlId: created.body.id,
    });
    expect(inOverview.controls[0]).toMatchObject({
      method: { key: 'stickprov' },
      scope: '10 fakturor per kvartal',
      frequency: { kind: 'quarterly' },
    });
    const history = await admin.get(`/audit-events?entityId=${copy.controlId}`);
    expect(history.body.items[0].operation).toBe('create');

    // A change at the origin reaches the draft plan at once; the adopted plan keeps its decided content.
    const changed = await admin.patch(`/common-controls/${created.body.id}`, {
      version: created.body.version,
      scope: '15 fakturor per kvartal',
    });
    expect(changed.status).toBe(200);
    expect((await admin.get(`/controls/${copy.controlId}`)).body.scope).toBe('15 fakturor per kvartal');

    // Nämnd B takes it in; a later change is offered to B again, and taken in by its managers.
    const taken = await admin.post(`/common-controls/${created.body.id}/take-over`, { unitId: h.tenant.unitB });
    expect(taken.status, JSON.stringify(taken.body)).toBe(200);
    const bCopy = byUnit(taken.body.copies, h.tenant.unitB);
    expect(bCopy.state).toBe('in_plan');
    const again = await admin.patch(`/common-controls/${created.body.id}`, {
      version: taken.body.version,
      frequency: { kind: 'half_yearly' },
    });
    expect(byUnit(again.body.copies, h.tenant.unitB).state).toBe('changed');
    expect((await admin.get(`/controls/${bCopy.controlId}`)).body.checkpoints).toHaveLength(4);
    expect(byUnit(again.body.copies, h.tenant.unitA).state).toBe('in_plan');
    expect((await admin.get(`/controls/${copy.controlId}`)).body.checkpoints).toEqual(['2026-06-30', '2026-12-31']);
    // A coordinator of Nämnd A may not take it in for Nämnd B, and does not learn of B's copy.
    const coordinator = await h.as('coordinator');
    const refused = await coordinator.post(`/common-controls/${created.body.id}/take-over`, { unitId: h.tenant.unitB });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].path).toBe('unitId');
    const seen = await coordinator.get(`/common-controls/${created.body.id}`);
    expect(seen.status).toBe(200);
    expect((seen.body.copies as Copy[]).map((c) => c.unitId)).toEqual([h.tenant.unitA]);
    const retaken = await admin.post(`/common-controls/${created.body.id}/take-over`, { unitId: h.tenant.unitB });
    expect(byUnit(retaken.body.copies, h.tenant.unitB).state).toBe('in_plan');
    expect((await admin.get(`/controls/${bCopy.controlId}`)).body.checkpoints).toEqual(['2026-06-30', '2026-12-31']);

    // Each nämnd follows it up like its own; the kommun sees the results side by side.
    const recorded = await coordinator.post('/control-results', {
      controlId: copy.controlId,
      periodId: h.tenant.periodIds.q1,
      outcome: 'no_remarks',
      performedOn: '2026-03-28',
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    const side = await admin.get(`/common-controls/${created.body.id}/results`);
    expect(side.status).toBe(200);
    const a = side.body.units.find((unit: { unitId: string }) => unit.unitId === h.tenant.unitA);
    const b = side.body.units.find((unit: { unitId: string }) => unit.unitId === h.tenant.unitB);
    expect(a.results).toEqual([
      {
        outcome: 'no_remarks',
        performedOn: '2026-03-28',
        period: expect.objectContaining({ id: h.tenant.periodIds.q1, kind: 'quarter', number: 1, year: 2026 }),
      },
    ]);
    expect(b.results).toEqual([]);
    // A reader of Nämnd A sees only Nämnd A's line.
    const readers = await (await h.as('reader')).get(`/common-controls/${created.body.id}/results`);
    expect(readers.body.units.map((unit: { unitId: string }) => unit.unitId)).toEqual([h.tenant.unitA]);

    // The council summary sets the units' follow-up side by side.
    const summary = await admin.get(`/reports/council-summary?unit=${h.tenant.rootId}&period=2026&format=md`);
    expect(summary.status).toBe(200);
    const markdown = Buffer.from(summary.bytes).toString('utf8');
    const section = markdown.slice(markdown.indexOf('# Kommungemensamma kontrollmoment'));
    expect(section).toContain('## Granskning av representationsfakturor');
    expect(section).toContain('Beslutat av Kommun');
    expect(section).toMatch(/\| Nämnd A \| Ja \| [^|]+ \| Kvartal 1 2026: Genomförd utan anmärkning \| 0 \|/);
    expect(section).toMatch(/\| Nämnd B \| Ja \| [^|]+ \| – \| 0 \|/);
    // A summary for Nämnd A alone shows only its own line.
    const own = Buffer.from(
      (await admin.get(`/reports/council-summary?unit=${h.tenant.unitA}&period=2026&format=md`)).bytes,
    ).toString('utf8');
    expect(own).toContain('| Nämnd A | Ja |');
    expect(own).not.toContain('| Nämnd B |');

    // Archived at the origin: the copy leaves the draft plan; the adopted plan keeps its copy.
    const current = (await admin.get(`/common-controls/${created.body.id}`)).body;
    expect((await admin.post(`/common-controls/${created.body.id}/archive`)).status).toBe(200);
    expect((await admin.get(`/controls/${copy.controlId}`)).body.archivedAt).not.toBeNull();
    expect((await admin.get(`/controls/${bCopy.controlId}`)).body.archivedAt).toBeNull();
    expect((await admin.post(`/common-controls/${created.body.id}/restore`)).status).toBe(200);
    const restored = (await admin.get(`/common-controls/${created.body.id}`)).body;
    expect(byUnit(restored.copies, h.tenant.unitA).state).toBe('in_plan');
    expect(restored.version).toBeGreaterThan(current.version);
  });

  test('the chosen units only; a plan made later takes the control in', async () => {
    const admin = await h.as('tenantAdmin');
    const created = await admin.post('/common-controls', {
      originUnitId: h.tenant.rootId,
      year: 2027,
      riskTitle: 'Otillåten direktupphandling',
      title: 'Avstämning av direktupphandlingar',
      targetUnitIds: [h.tenant.unitA],
      frequency: { kind: 'dates', dates: ['2027-05-15'] },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.copies).toEqual([
      expect.objectContaining({ unitId: h.tenant.unitA, state: 'no_plan', planId: null }),
    ]);
    const plan = await admin.post('/plans', {
      unitId: h.tenant.unitA,
      kind: 'internal_control',
      title: 'Internkontrollplan 2027',
      startYear: 2027,
    });
    expect(plan.status).toBe(201);
    const overview = (await admin.get(`/plans/${plan.body.id}/overview`)).body;
    const titles = JSON.stringify(overview);
    expect(titles).toContain('Otillåten direktupphandling');
    expect(titles).toContain('Avstämning av direktupphandlingar');
    const after = (await admin.get(`/common-controls/${created.body.id}`)).body;
    expect(after.copies[0]).toMatchObject({ planId: plan.body.id, state: 'in_plan' });
    // A plan for 2027 of Nämnd B (not chosen) does not get it.
    const other = await admin.post('/plans', {
      unitId: h.tenant.unitB,
      kind: 'internal_control',
      title: 'Internkontrollplan 2027',
      startYear: 2027,
    });
    expect(JSON.stringify((await admin.get(`/plans/${other.body.id}/overview`)).body)).not.toContain(
      'Otillåten direktupphandling',
    );
  });

  test('bad input: a unit outside the origin’s subtree, a method not in the vocabulary, a frequency without a date, an unknown origin', async () => {
    const coordinator = await h.as('coordinator');
    const base = { originUnitId: h.tenant.unitA, year: 2026, riskTitle: 'R', title: 'K' };
    const outside = await coordinator.post('/common-controls', { ...base, targetUnitIds: [h.tenant.unitB] });
    expect(outside.status).toBe(400);
    expect(outside.body.errors).toEqual([
      { path: 'targetUnitIds.0', message: 'Nämnd B ligger inte under den enhet som beslutar kontrollmomentet.' },
    ]);
    const method = await coordinator.post('/common-controls', {
      ...base,
      methodId: h.tenant.vocabularyIds.process.ekonomi,
    });
    expect(method.status).toBe(400);
    expect(method.body.errors[0].path).toBe('methodId');
    const frequency = await coordinator.post('/common-controls', {
      ...base,
      frequency: { kind: 'dates', dates: ['2025-12-31'] },
    });
    expect(frequency.status).toBe(400);
    expect(frequency.body.errors).toEqual([{ path: 'frequency', message: 'Frekvensen ger inget datum under 2026.' }]);
    const origin = await coordinator.post('/common-controls', { ...base, originUnitId: h.otherTenant.rootId });
    expect(origin.status).toBe(400);
    expect(origin.body.errors[0].path).toBe('originUnitId');
    // Nothing half-written: no common control of that title exists.
    const listed = await (await h.as('tenantAdmin')).get('/common-controls?year=2026&includeArchived=true');
    expect(listed.body.items.filter((item: { title: string }) => item.title === 'K')).toEqual([]);
    // A responsible person does not define common controls.
    expect((await (await h.as('responsible')).post('/common-controls', base)).status).toBe(403);
  });
});
