import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, ok, type Harness } from '../../../../test/support/harness.ts';
import { loadAccess, type Access } from '../../access/access.ts';
import { assignments } from '../../db/schema/assignments.ts';
import { auditEvents } from '../../db/schema/audit-events.ts';
import { controls } from '../../db/schema/controls.ts';
import { followUps } from '../../db/schema/follow-ups.ts';
import { plans } from '../../db/schema/plans.ts';
import { risks } from '../../db/schema/risks.ts';
import { users } from '../../db/schema/users.ts';
import { loadTargetState, type ImportTarget } from './load-target.ts';
import { emptyImportedPlan, type ImportedPlan, type ImportedRisk, type Origin } from './model.ts';
import { planImport } from './plan-changes.ts';
import { writeImport } from './write-import.ts';

const at = (row: number): Origin => ({
  sheet: 'Risker',
  row,
  columns: { title: 'B', likelihood: 'D', startDate: 'F' },
});

function risk(title: string, row: number, extra: Partial<ImportedRisk> = {}): ImportedRisk {
  return { title, controls: [], actions: [], origin: at(row), ...extra };
}

describe('planning an import against a plan', () => {
  let h: Harness;
  let coordinator: Access;
  let planId: string;

  beforeAll(async () => {
    h = await createHarness();
    coordinator = await loadAccess(
      h.db,
      { tenantId: h.tenant.tenantId, userId: h.userIds.coordinator!, via: 'session', mayWrite: true },
      h.clock,
    );
    const client = await h.as('coordinator');
    const plan = await ok(
      client.post('/plans', { unitId: h.tenant.unitA, kind: 'internal_control', startYear: 2026, title: 'Plan 2026' }),
    );
    planId = plan.id as string;
    const existing = await ok(
      client.post('/risks', { planId, title: 'Felaktiga utbetalningar', likelihood: 2, consequence: 3 }),
    );
    await ok(
      client.post('/controls', {
        riskId: existing.id,
        title: 'Stickprov på utbetalningar',
        responsibleIds: [h.userIds.responsible],
      }),
    );
  });
  afterAll(() => h.close());

  async function target(): Promise<ImportTarget> {
    const [plan] = await h.db.select().from(plans).where(eq(plans.id, planId));
    return { unitId: h.tenant.unitA, plan: plan!, kind: 'internal_control', startYear: 2026, endYear: 2026 };
  }

  it('finds the same risk and control by title, and says what is new and what changed', async () => {
    const file: ImportedPlan = {
      ...emptyImportedPlan(),
      risks: [
        risk('felaktiga  UTBETALNINGAR', 2, {
          likelihood: '3',
          consequence: '3',
          controls: [
            {
              title: 'Stickprov på utbetalningar',
              responsible: ['Person responsible', 'Helt Ny Person'],
              status: 'Pågående',
              followUps: [
                { period: '2026-Q1', body: 'Inga fel i stickprovet.', author: 'Person responsible', origin: at(2) },
              ],
              origin: at(2),
            },
          ],
        }),
        risk('Jäv vid upphandling', 3, { likelihood: '9', startDate: 'x' } as never),
      ],
    };
    const state = await loadTargetState(h.db, h.tenant.tenantId, await target());
    const planned = planImport(file, state);
    const byTitle = Object.fromEntries(planned.rows.map((row) => [row.title, row]));
    expect(byTitle['felaktiga  UTBETALNINGAR']).toMatchObject({ outcome: 'change', entity: 'risk' });
    expect(byTitle['felaktiga  UTBETALNINGAR']!.changes.map((change) => change.field)).toEqual(['title', 'likelihood']);
    const control = byTitle['Stickprov på utbetalningar']!;
    expect(control.outcome).toBe('change');
    expect(control.changes).toEqual(
      expect.arrayContaining([
        { field: 'statusId', from: null, to: { sv: 'Pågående', en: 'In progress' } },
        { field: 'responsible', from: 'Person responsible', to: 'Person responsible, Helt Ny Person' },
      ]),
    );
    expect(byTitle['Kvartal 1 2026']).toMatchObject({ entity: 'followUp', outcome: 'create' });
    // A likelihood outside the 4 × 4 matrix is an error at its column.
    const wrong = byTitle['Jäv vid upphandling']!;
    expect(wrong.outcome).toBe('error');
    expect(wrong.errors[0]).toMatchObject({ sheet: 'Risker', row: 3, column: 'D' });
    expect(wrong.errors[0]!.message.sv).toContain('från 1 till 4');
    expect([...planned.resolver.newPeople.values()].map((person) => person.name)).toEqual(['Helt Ny Person']);
    expect(planned.creates.map((create) => create.entity)).toEqual(['followUp']);
  });

  it('writes the valid rows in one go, with audit events, and the same file then changes nothing', async () => {
    const file: ImportedPlan = {
      ...emptyImportedPlan(),
      risks: [
        risk('Bristande dokumentation', 5, {
          description: 'Orsak: **tidsbrist**',
          likelihood: '2',
          consequence: '4',
          controls: [
            {
              title: 'Genomgång av akter',
              responsible: ['Anna Andersson'],
              checkpoints: ['2026-03-01', '2026-09-01'],
              startDate: '2026-01-15',
              followUps: [{ period: 'Kvartal 2 2026', body: 'Tio akter granskade.', origin: at(6) }],
              origin: at(6),
            },
          ],
        }),
      ],
    };
    const state = await loadTargetState(h.db, h.tenant.tenantId, await target());
    const planned = planImport(file, state);
    expect(planned.rows.map((row) => row.outcome)).toEqual(['create', 'create', 'create']);
    const written = await h.db.transaction((tx) =>
      writeImport(tx, coordinator, state.target, planned, { planTitle: 'x' }),
    );
    expect(written.created).toMatchObject({ risks: 1, controls: 1, followUps: 1 });
    expect(written.people).toBe(1);

    const [created] = await h.db
      .select()
      .from(risks)
      .where(and(eq(risks.planId, planId), eq(risks.title, 'Bristande dokumentation')));
    expect(created).toMatchObject({ likelihood: 2, consequence: 4, riskValue: 8 });
    const [control] = await h.db.select().from(controls).where(eq(controls.riskId, created!.id));
    const [anna] = await h.db
      .select()
      .from(users)
      .where(and(eq(users.tenantId, h.tenant.tenantId), eq(users.name, 'Anna Andersson')));
    expect(anna).toMatchObject({ email: null, passwordHash: null });
    expect(
      await h.db.select({ userId: assignments.userId }).from(assignments).where(eq(assignments.controlId, control!.id)),
    ).toEqual([{ userId: anna!.id }]);
    const events = await h.db
      .select({ entityType: auditEvents.entityType })
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, h.tenant.tenantId), eq(auditEvents.entityId, control!.id)));
    expect(events).toEqual([{ entityType: 'control' }]);

    const again = planImport(file, await loadTargetState(h.db, h.tenant.tenantId, await target()));
    expect(again.rows.map((row) => row.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(again.creates).toEqual([]);
    expect(again.updates).toEqual([]);
  });

  it('archives what a complete workbook no longer has, and flags rows changed in Uppsikt since the export', async () => {
    const state = await loadTargetState(h.db, h.tenant.tenantId, await target());
    const kept = state.risks.find((each) => each.title === 'Bristande dokumentation')!;
    const file: ImportedPlan = {
      ...emptyImportedPlan(true),
      risks: [risk('Bristande dokumentation, ändrad', 2, { id: kept.id, version: kept.version - 1 })],
    };
    const planned = planImport(file, state);
    const outcomes = planned.rows.map((row) => `${row.entity}:${row.outcome}`);
    expect(outcomes[0]).toBe('risk:conflict');
    expect(outcomes).toContain('control:archive');
    expect(outcomes.filter((outcome) => outcome === 'risk:archive')).toHaveLength(1);
    expect(planned.updates).toEqual([]);

    await h.db.transaction((tx) => writeImport(tx, coordinator, state.target, planned, { planTitle: 'x' }));
    const left = await h.db
      .select({ title: risks.title })
      .from(risks)
      .where(and(eq(risks.planId, planId), isNull(risks.archivedAt)));
    expect(left).toEqual([{ title: 'Bristande dokumentation' }]);
    // Archived, never deleted.
    expect(await h.db.select().from(followUps).where(eq(followUps.tenantId, h.tenant.tenantId))).not.toHaveLength(0);
  });

  it('refuses the whole write when a row changed between the preview and the confirmation', async () => {
    const state = await loadTargetState(h.db, h.tenant.tenantId, await target());
    const kept = state.risks.find((each) => each.title === 'Bristande dokumentation')!;
    const file: ImportedPlan = {
      ...emptyImportedPlan(),
      risks: [
        risk('Bristande dokumentation', 2, { id: kept.id, version: kept.version, process: 'Ekonomi' }),
        risk('Ny risk', 3),
      ],
    };
    const planned = planImport(file, state);
    expect(planned.rows.map((row) => row.outcome)).toEqual(['change', 'create']);
    await h.db
      .update(risks)
      .set({ version: kept.version + 1 })
      .where(eq(risks.id, kept.id));
    await expect(
      h.db.transaction((tx) => writeImport(tx, coordinator, state.target, planned, { planTitle: 'x' })),
    ).rejects.toMatchObject({ code: 'conflict' });
    const titles = (await h.db.select({ title: risks.title }).from(risks).where(eq(risks.planId, planId))).map(
      (row) => row.title,
    );
    expect(titles).not.toContain('Ny risk');
  });
});
