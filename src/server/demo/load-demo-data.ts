import { hash } from '@node-rs/argon2';
import { eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { parsePlanPeriod } from '../../domain/plan.ts';
import { DEFAULT_RISK_MATRIX } from '../../domain/risk-matrix.ts';
import { DEFAULT_STATUSES } from '../../domain/status.ts';
import { vocabularyEntries } from '../db/schema/vocabulary-entries.ts';
import { defaultVocabularyRows } from '../vocabulary/vocabulary-refs.ts';
import { parseTenantKind } from '../../domain/tenant.ts';
import { creationChanges, recordAuditEvents } from '../audit/record-audit-events.ts';
import { freezePlan } from '../plan-model/snapshot.ts';
import type { Database, Transaction } from '../db/client.ts';
import { calendarEvents } from '../db/schema/calendar-events.ts';
import { focusAreas } from '../db/schema/activities.ts';
import { orgUnits } from '../db/schema/org-units.ts';
import { reportTexts } from '../db/schema/report-texts.ts';
import { riskMatrices } from '../db/schema/risk-matrices.ts';
import { roleAssignments } from '../db/schema/role-assignments.ts';
import { statuses } from '../db/schema/statuses.ts';
import { tenants } from '../db/schema/tenants.ts';
import { users } from '../db/schema/users.ts';
import type { TenantsFixture, UnitFixture } from './fixture-schema.ts';
import { todayInSweden, type Clock } from '../../domain/clock.ts';
import { CURRENT_YEAR_SOURCE } from './current-year-enrichment.ts';
import { loadCurrentYearPlan } from './current-year-plan.ts';
import { insertRows, resolve, resolvePeriod, type LoadContext } from './load-context.ts';
import { loadPlan } from './load-plan.ts';
import { FixtureError, readDemoFixtures, type DemoFixtures } from './read-demo-fixtures.ts';

/** The password of every demo account, printed at start and listed in the README. */
export const DEMO_PASSWORD = 'uppsikt-demo';

export interface DemoLoadResult {
  created: string[];
  /** Tenants already present; loading is idempotent and never touches them. */
  skipped: string[];
}

/**
 * Loads the demo data transcribed from the four seed reports, and the current-year demo plan
 * rolled over from seed 004 to the year of `clock` (so that Mitt arbete has work on any day of
 * it). Each tenant is written in one transaction; a tenant whose slug exists already is left alone.
 */
export async function loadDemoData(
  db: Database,
  options: { fixturesFolder: string; clock: Clock; onProgress?: (message: string) => void },
): Promise<DemoLoadResult> {
  const today = todayInSweden(options.clock);
  const fixtures = readDemoFixtures(options.fixturesFolder);
  const result: DemoLoadResult = { created: [], skipped: [] };
  const knownSlugs = new Set(fixtures.tenants.tenants.map((tenant) => tenant.slug));
  for (const { file, fixture } of fixtures.documents) {
    if (!knownSlugs.has(fixture.tenant)) throw new FixtureError(file, 'tenant', `unknown tenant "${fixture.tenant}"`);
  }
  for (const tenant of fixtures.tenants.tenants) {
    const existing = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, tenant.slug));
    if (existing.length > 0) {
      result.skipped.push(tenant.slug);
      continue;
    }
    options.onProgress?.(`Loading demo tenant ${tenant.slug} (${tenant.name}) …`);
    await db.transaction((tx) => loadTenant(tx, tenant, fixtures, today));
    result.created.push(tenant.slug);
  }
  return result;
}

type TenantFixture = TenantsFixture['tenants'][number];

async function loadTenant(
  tx: Transaction,
  tenant: TenantFixture,
  fixtures: DemoFixtures,
  today: string,
): Promise<void> {
  const tenantId = uuidv7();
  // The tenant is of the kind of its top unit (a kommun, a region, a kommunalförbund).
  const kind = parseTenantKind(tenant.units[0]!.kind) ?? 'kommun';
  await tx.insert(tenants).values({ id: tenantId, slug: tenant.slug, name: tenant.name, kind });
  const context: LoadContext = {
    tx,
    tenantId,
    file: 'tenants.yaml',
    audit: [
      {
        entityType: 'tenant',
        entityId: tenantId,
        operation: 'create',
        changes: creationChanges({ slug: tenant.slug, name: tenant.name, kind }),
      },
    ],
    units: new Map(),
    people: new Map(),
    statuses: new Map(),
    focusAreas: new Map(),
    periods: new Map(),
    functions: new Map(),
    riskMatrixId: uuidv7(),
  };

  await insertRows(context, riskMatrices, 'risk_matrix', [
    { id: context.riskMatrixId, validFromYear: tenant.riskMatrixFromYear, ...DEFAULT_RISK_MATRIX },
  ]);
  const statusRows = DEFAULT_STATUSES.map((status, index) => ({ id: uuidv7(), ...status, sortOrder: index }));
  await insertRows(context, statuses, 'status', statusRows);
  for (const row of statusRows) context.statuses.set(row.labelSv, row.id);
  await insertRows(context, vocabularyEntries, 'vocabulary_entry', defaultVocabularyRows());
  const focusAreaRows = tenant.focusAreas.map((name, index) => ({ id: uuidv7(), name, sortOrder: index }));
  await insertRows(context, focusAreas, 'focus_area', focusAreaRows);
  for (const row of focusAreaRows) context.focusAreas.set(row.name.toLowerCase(), row.id);

  // As over the API: a unit's creation is seen from the unit above it.
  await insertRows(
    context,
    orgUnits,
    'org_unit',
    flattenUnits(context, tenant.units, null, `tenants.${tenant.slug}.units`),
    (unit) => unit.parentId ?? unit.id,
  );
  await loadPeople(context, tenant);

  for (const { file, fixture } of fixtures.documents.filter((document) => document.fixture.tenant === tenant.slug)) {
    context.file = file;
    for (const [index, plan] of fixture.plans.entries()) {
      const loaded = await loadPlan(context, plan, `plans.${index}`);
      const { planId, unitId } = loaded;
      // A plan the document shows as adopted is frozen as adopted, so that it can be compared and reported "as adopted".
      if (plan.state !== 'draft')
        await freezePlan(
          tx,
          { kind: 'system', tenantId, label: 'seed:demo' },
          { tenantId, planId, unitId, reason: null, createdById: null },
        );
      // The årshjul has every quarter of the plan's years, not only those the document
      // happens to print, so that the next quarter's follow-up can be written in the demo.
      const years = parsePlanPeriod(plan.period);
      for (let year = years?.startYear ?? 0; years && year <= years.endYear; year += 1) {
        for (const quarter of [1, 2, 3, 4])
          await resolvePeriod(context, `Kvartal ${quarter} ${year}`, `plans.${index}.period`);
      }
      if (
        tenant.slug === CURRENT_YEAR_SOURCE.tenant &&
        plan.unit === CURRENT_YEAR_SOURCE.unit &&
        loaded.startYear === CURRENT_YEAR_SOURCE.startYear &&
        Number(today.slice(0, 4)) > loaded.endYear
      )
        await loadCurrentYearPlan(context, plan, loaded, today);
    }
    await insertRows(
      context,
      calendarEvents,
      'calendar_event',
      fixture.calendar.map((event, index) => ({
        id: uuidv7(),
        kind: event.kind,
        year: Number(event.date.slice(0, 4)),
        unitId:
          event.unit === undefined
            ? null
            : resolve(context, context.units, 'unit', event.unit, `calendar.${index}.unit`),
        date: event.date,
        datePrecision: event.datePrecision,
        title: event.title,
        agenda: event.agenda ?? null,
      })),
    );
    await insertRows(
      context,
      reportTexts,
      'report_text',
      fixture.reportTexts.map((text, index) => ({
        id: uuidv7(),
        reportKind: text.reportKind,
        section: text.section,
        unitId:
          text.unit === undefined
            ? null
            : resolve(context, context.units, 'unit', text.unit, `reportTexts.${index}.unit`),
        year: text.year ?? null,
        body: text.body,
      })),
    );
  }
  await recordAuditEvents(tx, { kind: 'system', tenantId, label: 'seed:demo' }, context.audit);
}

function flattenUnits(context: LoadContext, units: UnitFixture[], parentId: string | null, path: string) {
  const rows: {
    id: string;
    parentId: string | null;
    kind: UnitFixture['kind'];
    name: string;
    shortName: string | null;
    sortOrder: number;
  }[] = [];
  units.forEach((unit, index) => {
    if (context.units.has(unit.name))
      throw new FixtureError(context.file, `${path}.${index}.name`, `unit name "${unit.name}" is used twice`);
    const id = uuidv7();
    context.units.set(unit.name, id);
    rows.push({ id, parentId, kind: unit.kind, name: unit.name, shortName: unit.shortName ?? null, sortOrder: index });
    rows.push(...flattenUnits(context, unit.children, id, `${path}.${index}.children`));
  });
  return rows;
}

async function loadPeople(context: LoadContext, tenant: TenantFixture): Promise<void> {
  const people = [];
  const roles = [];
  for (const [index, person] of tenant.people.entries()) {
    const field = `tenants.${tenant.slug}.people.${index}`;
    if (context.people.has(person.name))
      throw new FixtureError(context.file, `${field}.name`, `person "${person.name}" is listed twice`);
    if (person.demoAccount && person.email === undefined)
      throw new FixtureError(context.file, `${field}.email`, 'a demo account needs an email');
    const id = uuidv7();
    context.people.set(person.name, id);
    people.push({
      id,
      name: person.name,
      email: person.email ?? null,
      title: person.title ?? null,
      passwordHash: person.demoAccount ? await hash(DEMO_PASSWORD) : null,
      // When the demo was loaded: a record of the loading, like every created_at, so the database's time.
      deactivatedAt: person.deactivated ? sql`now()` : null,
    });
    for (const [roleIndex, role] of person.roles.entries()) {
      roles.push({
        id: uuidv7(),
        userId: id,
        role: role.role,
        unitId: resolve(context, context.units, 'unit', role.unit, `${field}.roles.${roleIndex}.unit`),
      });
    }
  }
  await insertRows(context, users, 'user', people);
  await insertRows(context, roleAssignments, 'role_assignment', roles, (role) => role.unitId);
}
