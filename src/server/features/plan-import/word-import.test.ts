import { and, eq, inArray, isNull } from 'drizzle-orm';
import { DEMO_REPORT_SCOPES } from '../../../../test/support/report-contexts.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../../../test/support/harness.ts';
import { createUnit } from '../../../../test/support/factories.ts';
import { REPORT_KINDS, type ReportKind } from '../../../domain/report-kind.ts';
import { operatorAccess, operatorWriteAccess } from '../../access/access.ts';
import { actions } from '../../db/schema/actions.ts';
import { activities, subActivities } from '../../db/schema/activities.ts';
import { controls } from '../../db/schema/controls.ts';
import { followUps } from '../../db/schema/follow-ups.ts';
import { plans } from '../../db/schema/plans.ts';
import { risks } from '../../db/schema/risks.ts';
import { loadDemoData } from '../../demo/load-demo-data.ts';
import { demoFixturesFolder } from '../../paths.ts';
import { generateReport } from '../../reports/generate-report.ts';
import { findScopeByNames } from '../../reports/report-scope.ts';
import { importedCounts } from './model.ts';
import { commitImport, prepareImport } from './prepare-import.ts';
import { readWordDocument } from './readers/word-document.ts';
import { demoClock } from '../../../../test/support/demo-clock.ts';

// Every report kind Uppsikt produces as DOCX from the demo data imports into an empty unit of
// another organisation with the same counts and texts as the report shows.

/** The kinds that summarise several units show no one plan: there is nothing to import from them. */
const NO_PLAN: readonly ReportKind[] = ['council-summary', 'deviations', 'recommendations', 'action-report'];

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await loadDemoData(h.db, { fixturesFolder: demoFixturesFolder, clock: demoClock });
});
afterAll(() => h.close());

const normal = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

describe.each(REPORT_KINDS)('a %s report as DOCX', (kind) => {
  test('imports into an empty unit of another organisation with the same counts and texts', async () => {
    const scope = DEMO_REPORT_SCOPES[kind];
    const source = await findScopeByNames(h.db, scope.tenant, scope.unit);
    const report = await generateReport(h.db, operatorAccess(source.tenantId, h.clock), {
      kind,
      unitId: source.unitId,
      period: scope.period,
      format: 'docx',
      locale: 'sv',
    });
    const bytes = new Uint8Array(report.bytes);
    const read = await readWordDocument(bytes);
    const tenantId = h.otherTenant.tenantId;
    const unitId = await createUnit(h.db, tenantId, { name: `Tom enhet för ${kind}`, parentId: h.otherTenant.rootId });
    const access = await operatorWriteAccess(h.db, tenantId, h.clock, 'test:word-import');
    const prepared = await prepareImport(h.db, access, {
      bytes,
      format: 'docx',
      target: { unitId, year: Number(scope.period.slice(0, 4)) },
    });

    if (NO_PLAN.includes(kind)) {
      // Refused as a whole, saying there is nothing to import: nothing is written.
      expect(prepared.planned.errors.map((issue) => issue.message.sv).join(' ')).toContain('Hittade inga risker');
      await expect(
        h.db.transaction((tx) => commitImport(tx, access, prepared, { validRowsOnly: true })),
      ).rejects.toMatchObject({ code: 'validation_failed' });
      expect(await h.db.select().from(plans).where(eq(plans.unitId, unitId))).toEqual([]);
      return;
    }

    expect(prepared.planned.errors).toEqual([]);
    expect(prepared.planned.rows.filter((row) => row.outcome !== 'create')).toEqual([]);
    const written = await h.db.transaction((tx) => commitImport(tx, access, prepared, { validRowsOnly: false }));
    const expected = importedCounts(read);
    expect(written.created).toEqual(expected);
    expect(Object.values(expected).reduce((sum, count) => sum + count, 0)).toBeGreaterThan(5);

    // What the database now holds, against the document.
    const [plan] = await h.db
      .select()
      .from(plans)
      .where(and(eq(plans.unitId, unitId), isNull(plans.archivedAt)));
    expect(plan!.startYear).toBe(Number(scope.period.slice(0, 4)));
    const riskRows = await h.db.select().from(risks).where(eq(risks.planId, plan!.id));
    const controlRows = await h.db.select().from(controls).where(eq(controls.planId, plan!.id));
    const actionRows = await h.db.select().from(actions).where(eq(actions.planId, plan!.id));
    const activityRows = await h.db.select().from(activities).where(eq(activities.planId, plan!.id));
    const subRows =
      activityRows.length === 0
        ? []
        : await h.db
            .select()
            .from(subActivities)
            .where(
              inArray(
                subActivities.activityId,
                activityRows.map((row) => row.id),
              ),
            );
    const itemIds = [...controlRows, ...actionRows, ...activityRows].map((row) => row.id);
    const followUpRows =
      itemIds.length === 0
        ? []
        : await h.db
            .select()
            .from(followUps)
            .where(eq(followUps.tenantId, tenantId))
            .then((rows) =>
              rows.filter((row) => itemIds.includes(row.controlId ?? row.actionId ?? row.activityId ?? '')),
            );
    expect({
      risks: riskRows.length,
      controls: controlRows.length,
      actions: actionRows.length,
      activities: activityRows.length,
      subActivities: subRows.length,
      followUps: followUpRows.length,
    }).toEqual(expected);

    const titles = (rows: { title: string }[]) => rows.map((row) => row.title).sort();
    expect(titles(riskRows)).toEqual(read.risks.map((risk) => risk.title).sort());
    expect(titles(controlRows)).toEqual(read.risks.flatMap((risk) => risk.controls.map((each) => each.title)).sort());
    expect(titles(actionRows)).toEqual(
      [...read.risks.flatMap((risk) => risk.actions), ...read.actions].map((each) => each.title).sort(),
    );
    expect(titles(activityRows)).toEqual(read.activities.map((activity) => activity.title).sort());
    const readActions = [...read.risks.flatMap((risk) => risk.actions), ...read.actions];
    for (const action of readActions) {
      const row = actionRows.find((each) => each.title === action.title)!;
      expect(normal(row.whatToDo), action.title).toBe(normal(action.whatToDo));
      expect(normal(row.measuresTaken), action.title).toBe(normal(action.measuresTaken));
    }
    const readBodies = [
      ...read.risks.flatMap((risk) => [...risk.controls, ...risk.actions]),
      ...read.actions,
      ...read.activities,
    ].flatMap((item) => item.followUps.map((followUp) => normal(followUp.body)));
    expect(followUpRows.map((row) => normal(row.body)).sort()).toEqual(readBodies.sort());
  });
});
