import { and, asc, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixedClock } from '../../../domain/clock.ts';
import { createApp } from '../../app.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { plans } from '../../db/schema/plans.ts';
import { tenants } from '../../db/schema/tenants.ts';
import { createTestDatabase } from '../../../../test/support/test-database.ts';
import { DEMO_PASSWORD, loadDemoData } from '../../demo/load-demo-data.ts';
import { HARNESS_NOW, clientFor, type Client } from '../../../../test/support/harness.ts';
import { demoFixturesFolder } from '../../paths.ts';
import { demoClock } from '../../../../test/support/demo-clock.ts';

// Kommunstyrelsens översikt (the API the overview screen shows) and the council summary report
// must give the same number for every unit and column, and the same totals per process and category. The report is read as a reader reads it
// (its Markdown), never through the function that computes the overview.

/** The rows of the first Markdown table after the caption line `*caption*`, as objects keyed by column title. */
function markdownTable(markdown: string, caption: string): Record<string, string>[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(`*${caption}*`);
  if (start < 0) throw new Error(`no table "${caption}" in the report:\n${markdown}`);
  const split = (line: string) =>
    line
      .slice(2, -2)
      .split(' | ')
      .map((cell) => cell.replace(/\\(.)/g, '$1').trim());
  const header = split(lines[start + 2]!);
  const rows: Record<string, string>[] = [];
  for (let index = start + 4; index < lines.length && lines[index]!.startsWith('|'); index += 1) {
    rows.push(Object.fromEntries(split(lines[index]!).map((cell, column) => [header[column]!, cell])));
  }
  return rows;
}

interface ApiRow {
  unit: { id: string; name: string };
  own: boolean;
  plans: { title: string }[];
  items: number;
  statuses: Record<'not_started' | 'in_progress' | 'completed' | 'not_completed' | 'none', number>;
  overdue: number;
  deviations: number;
  openDeviations: number;
  risks: number;
  highestRiskValue: number | null;
}

interface ApiGroup {
  entry: { labelSv: string } | null;
  risks: number;
  highestRiskValue: number | null;
  controls: number;
}

/** A row as the report must print it, column by column. */
function expectedCells(row: ApiRow): Record<string, string> {
  return {
    'Nämnd/bolag': row.own ? `${row.unit.name} (egna planer)` : row.unit.name,
    Plan: row.plans.length === 0 ? 'Ingen plan för året' : row.plans.map((plan) => plan.title).join('<br>'),
    Antal: String(row.items),
    'Ej påbörjad': String(row.statuses.not_started),
    Pågående: String(row.statuses.in_progress),
    Klar: String(row.statuses.completed),
    'Ej slutförd': String(row.statuses.not_completed),
    'Utan status': String(row.statuses.none),
    Försenade: String(row.overdue),
    Avvikelser:
      row.deviations === 0
        ? '0'
        : `${row.deviations} (${row.openDeviations === 1 ? '1 öppen avvikelse' : `${row.openDeviations} öppna avvikelser`})`,
    Risker: String(row.risks),
    'Högsta riskvärde': row.highestRiskValue === null ? '–' : String(row.highestRiskValue),
  };
}

describe('kommunstyrelsens översikt and the council summary report, on every demo tenant', () => {
  let database: DatabaseHandle;
  let app: ReturnType<typeof createApp>;
  const admins: Record<string, string> = {
    malmo: 'admin@malmo.example',
    'exempelkommun-a': 'admin@exempelkommun-a.example',
    'exempelkommun-b': 'admin@exempelkommun-b.example',
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db, { fixturesFolder: demoFixturesFolder, clock: demoClock });
    // "Overdue" depends on today: a fixed day after every demo plan's year.
    app = createApp({ database, clock: fixedClock(HARNESS_NOW) });
  });
  afterAll(() => database.close());

  async function signIn(email: string): Promise<Client> {
    const login = await app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    return clientFor(app, { cookie: login.headers.get('set-cookie')!.split(';')[0]!, 'accept-language': 'sv' });
  }

  test('every unit with units below it, every plan year: the same figures in the API and in the report', async () => {
    const demoTenants = await database.db
      .select({ id: tenants.id, slug: tenants.slug })
      .from(tenants)
      .orderBy(asc(tenants.slug));
    expect(demoTenants.map((tenant) => tenant.slug).sort()).toEqual(Object.keys(admins).sort());
    let compared = 0;
    for (const tenant of demoTenants) {
      const client = await signIn(admins[tenant.slug]!);
      const planYears = await database.db
        .select({ startYear: plans.startYear, endYear: plans.endYear })
        .from(plans)
        .where(eq(plans.tenantId, tenant.id));
      const years = [
        ...new Set(
          planYears.flatMap((plan) =>
            Array.from({ length: plan.endYear - plan.startYear + 1 }, (_, index) => plan.startYear + index),
          ),
        ),
      ];
      const units = await database.db
        .select({ id: orgUnits.id, parentId: orgUnits.parentId })
        .from(orgUnits)
        .where(and(eq(orgUnits.tenantId, tenant.id), isNull(orgUnits.archivedAt)));
      const scopes = units.filter((unit) => units.some((child) => child.parentId === unit.id));
      for (const scope of scopes) {
        for (const year of years) {
          const api = await client.get(`/overview?unit=${scope.id}&year=${year}`);
          expect(api.status).toBe(200);
          const report = await client.get(`/reports/council-summary?unit=${scope.id}&period=${year}&format=md`);
          expect(report.status).toBe(200);
          const markdown = new TextDecoder().decode(report.bytes);
          const printed = markdownTable(markdown, 'Status per nämnd och bolag');
          const where = `${tenant.slug}, ${year}, under ${api.body.unit.name}`;
          expect(
            printed.map((row) => row['Nämnd/bolag']),
            where,
          ).toEqual(api.body.rows.map((row: ApiRow) => expectedCells(row)['Nämnd/bolag']));
          api.body.rows.forEach((row: ApiRow, index: number) =>
            expect(printed[index], `${where}: ${row.unit.name}`).toEqual(expectedCells(row)),
          );

          // The overdue list names exactly the overdue items counted; the matrix holds the counts per cell.
          const overdue = api.body.rows.reduce((sum: number, row: ApiRow) => sum + row.overdue, 0);
          if (overdue === 0)
            expect(markdown).toContain('Inga kontrollmoment, åtgärder eller aktiviteter är försenade.');
          else
            expect(markdownTable(markdown, 'Försenade kontrollmoment, åtgärder och aktiviteter'), where).toHaveLength(
              overdue,
            );
          if (api.body.rows.some((row: ApiRow) => row.plans.length > 0)) {
            const matrix = markdownTable(markdown, 'Samlad riskmatris');
            const cells = matrix.flatMap((row) =>
              Object.entries(row)
                .slice(1)
                .map(([column, value]) => ({
                  likelihood: Number(Object.values(row)[0]!.split(' ')[0]),
                  consequence: Number(column.split(' ')[0]),
                  count: Number(value.split(' ')[0]),
                })),
            );
            expect(
              cells
                .filter((cell) => cell.count > 0)
                .sort((a, b) => b.likelihood - a.likelihood || a.consequence - b.consequence),
              where,
            ).toEqual(api.body.matrix.cells);
            const unassessed = api.body.matrix.unassessedRisks;
            expect(markdown).toContain(
              unassessed === 0
                ? 'Alla risker är bedömda.'
                : unassessed === 1
                  ? '1 risk är inte bedömd'
                  : `${unassessed} risker är inte bedömda`,
            );
          }
          // The risks per process and per category: the same groups, totals and order (when the demo
          // plans name processes; overview.test.ts compares them on a plan that does).
          for (const [caption, groups] of [
            ['Risker per process', api.body.byProcess],
            ['Risker per riskkategori', api.body.byCategory],
          ] as const) {
            const typed = groups as ApiGroup[];
            if (!typed.some((group) => group.entry !== null)) {
              expect(markdown, where).not.toContain(`*${caption}*`);
              continue;
            }
            expect(markdownTable(markdown, caption), `${where}: ${caption}`).toEqual(
              typed.map((group) => ({
                'Process eller kategori': group.entry?.labelSv ?? 'Inte angiven',
                Risker: String(group.risks),
                'Högsta riskvärde': group.highestRiskValue === null ? '–' : String(group.highestRiskValue),
                Kontrollmoment: String(group.controls),
              })),
            );
          }
          compared += api.body.rows.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(10);
  });

  test('Gymnasie- och vuxenutbildningsnämnden: its aktivitetsplan counts, 7 overdue activities in 2020, in the overview and in the summary', async () => {
    const client = await signIn(admins.malmo!);
    const [root] = await database.db
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .innerJoin(tenants, eq(tenants.id, orgUnits.tenantId))
      .where(and(eq(tenants.slug, 'malmo'), isNull(orgUnits.parentId)));
    const api = await client.get(`/overview?unit=${root!.id}&year=2020`);
    const row = api.body.rows.find(
      (candidate: ApiRow) => candidate.unit.name === 'Gymnasie- och vuxenutbildningsnämnden',
    );
    expect(row.plans.map((plan: { title: string }) => plan.title)).toHaveLength(1);
    expect(row.overdue).toBe(7);
    const markdown = new TextDecoder().decode(
      (await client.get(`/reports/council-summary?unit=${root!.id}&period=2020&format=md`)).bytes,
    );
    const printed = markdownTable(markdown, 'Status per nämnd och bolag').find(
      (candidate) => candidate['Nämnd/bolag'] === 'Gymnasie- och vuxenutbildningsnämnden',
    )!;
    expect(printed.Plan).not.toBe('Ingen plan för året');
    expect(printed.Försenade).toBe('7');
  });
});
