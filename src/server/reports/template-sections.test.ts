import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixedClock } from '../../domain/clock.ts';
import { reportTemplateSettings } from '../../domain/contracts/report-templates.ts';
import { REPORT_KINDS } from '../../domain/report-kind.ts';
import { REPORT_SECTIONS } from '../../domain/report-template.ts';
import { operatorAccess } from '../access/access.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { loadDemoData } from '../demo/load-demo-data.ts';
import { demoFixturesFolder } from '../paths.ts';
import { demoClock } from '../../../test/support/demo-clock.ts';
import { DEMO_REPORT_SCOPES } from '../../../test/support/report-contexts.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import type { Block } from './document.ts';
import { buildReportDocument } from './generate-report.ts';
import { findScopeByNames } from './report-scope.ts';

// Every kind's level-1 headings carry a key of REPORT_SECTIONS, so a template can order and drop
// each of them: on the demo data, every kind's sections in reverse order come out reversed, and
// with all of them left out no level-1 heading remains.

const sectionsOf = (blocks: Block[]) =>
  blocks
    .filter((block) => block.type === 'heading' && block.level === 1)
    .map((block) => block.type === 'heading' && block.section);

describe('the sections of every report kind, as a template arranges them', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db, { fixturesFolder: demoFixturesFolder, clock: demoClock });
  });
  afterAll(() => database.close());

  test.each(REPORT_KINDS)('%s', async (kind) => {
    const { tenant, unit, period } = DEMO_REPORT_SCOPES[kind];
    const scope = await findScopeByNames(database.db, tenant, unit);
    const access = operatorAccess(scope.tenantId, fixedClock('2026-11-30T10:00:00Z'));
    const request = { kind, unitId: scope.unitId, period, locale: 'sv' as const, format: 'html' as const };
    const neutral = await buildReportDocument(database.db, access, request, null);
    const keys = sectionsOf(neutral.blocks);
    const known: readonly string[] = REPORT_SECTIONS[kind];
    for (const key of keys) expect(known, `a level-1 heading of ${kind} without a known section`).toContain(key);
    // In the kind's own order.
    expect(keys).toEqual([...keys].sort((a, b) => known.indexOf(a as string) - known.indexOf(b as string)));

    const reversed = await buildReportDocument(database.db, access, request, {
      settings: reportTemplateSettings.parse({
        kinds: { [kind]: { sections: [...known].reverse().map((key) => ({ key })) } },
      }),
      logo: null,
    });
    expect(sectionsOf(reversed.blocks)).toEqual([...keys].reverse());
    // Nothing is lost or doubled by reordering.
    expect(reversed.blocks).toHaveLength(neutral.blocks.length);

    const none = await buildReportDocument(database.db, access, request, {
      settings: reportTemplateSettings.parse({
        kinds: { [kind]: { sections: known.map((key) => ({ key, included: false })) } },
      }),
      logo: null,
    });
    expect(sectionsOf(none.blocks)).toEqual([]);
  });
});
