import { and, eq, inArray } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { personDisplayName } from '../../../domain/person.ts';
import type { Database } from '../../db/client.ts';
import type { AuditChanges } from '../../db/schema/audit-events.ts';
import { actions } from '../../db/schema/actions.ts';
import { activities, focusAreas, subActivities } from '../../db/schema/activities.ts';
import { calendarEvents } from '../../db/schema/calendar-events.ts';
import { commonControls } from '../../db/schema/common-controls.ts';
import { controls } from '../../db/schema/controls.ts';
import { deviations } from '../../db/schema/deviations.ts';
import { goals } from '../../db/schema/goals.ts';
import { issuedReports } from '../../db/schema/issued-reports.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { plans } from '../../db/schema/plans.ts';
import { reviews } from '../../db/schema/reviews.ts';
import { risks } from '../../db/schema/risks.ts';
import { statuses } from '../../db/schema/statuses.ts';
import { unitFunctions } from '../../db/schema/unit-functions.ts';
import { users } from '../../db/schema/users.ts';
import { vocabularyEntries } from '../../db/schema/vocabulary-entries.ts';
import type { Locale } from '../../errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Titled {
  table: PgTable;
  tenantId: AnyPgColumn;
  id: AnyPgColumn;
  title: AnyPgColumn;
}

const titled = (table: PgTable & { tenantId: AnyPgColumn; id: AnyPgColumn }, title: AnyPgColumn): Titled => ({
  table,
  tenantId: table.tenantId,
  id: table.id,
  title,
});

/**
 * The entities whose history names them by their title or name. Only plain titles: no table
 * here holds a secret in the column read. People, units, statuses and vocabulary entries are
 * named by `nameReferences` below.
 */
const TITLES: Record<string, Titled> = {
  plan: titled(plans, plans.title),
  risk: titled(risks, risks.title),
  control: titled(controls, controls.title),
  action: titled(actions, actions.title),
  activity: titled(activities, activities.title),
  sub_activity: titled(subActivities, subActivities.title),
  focus_area: titled(focusAreas, focusAreas.name),
  goal: titled(goals, goals.title),
  deviation: titled(deviations, deviations.title),
  review: titled(reviews, reviews.title),
  common_control: titled(commonControls, commonControls.title),
  calendar_event: titled(calendarEvents, calendarEvents.title),
  issued_report: titled(issuedReports, issuedReports.title),
  unit_function: titled(unitFunctions, unitFunctions.name),
  org_unit: titled(orgUnits, orgUnits.name),
  user: titled(users, users.name),
};

/** Every id among the values of the changes, also inside lists (responsibleIds …). */
function idsIn(changes: AuditChanges, into: Set<string>) {
  const visit = (value: unknown) => {
    if (typeof value === 'string') {
      if (UUID.test(value)) into.add(value.toLowerCase());
    } else if (Array.isArray(value)) value.forEach(visit);
  };
  for (const [before, after] of Object.values(changes)) {
    visit(before);
    visit(after);
  }
}

interface Event {
  entityType: string;
  entityId: string;
  changes: AuditChanges;
}

/**
 * What a page of the audit log names, read with one query per kind of id (not per event):
 * each entity's current title, and the name of every id in the changes that is a person, a
 * unit, a status or a vocabulary entry of the tenant, in the caller's language. The caller has
 * already filtered the events to those it may read; these are the tenant's own reference data.
 */
export async function nameReferences(db: Database, tenantId: string, events: Event[], locale: Locale) {
  const ids = new Set<string>();
  for (const event of events) idsIn(event.changes, ids);
  const entityIdsByType = new Map<string, Set<string>>();
  for (const event of events) {
    if (!TITLES[event.entityType]) continue;
    const set = entityIdsByType.get(event.entityType) ?? new Set<string>();
    set.add(event.entityId);
    entityIdsByType.set(event.entityType, set);
  }
  const names = new Map<string, string>();
  const titles = new Map<string, string>();
  const label = (row: { labelSv: string; labelEn: string }) => (locale === 'sv' ? row.labelSv : row.labelEn);
  const idList = [...ids];
  await Promise.all([
    ...(idList.length === 0
      ? []
      : [
          db
            .select({ id: users.id, name: users.name, deactivatedAt: users.deactivatedAt })
            .from(users)
            .where(and(eq(users.tenantId, tenantId), inArray(users.id, idList)))
            .then((rows) => rows.forEach((row) => names.set(row.id, personDisplayName(row, locale)))),
          db
            .select({ id: orgUnits.id, name: orgUnits.name })
            .from(orgUnits)
            .where(and(eq(orgUnits.tenantId, tenantId), inArray(orgUnits.id, idList)))
            .then((rows) => rows.forEach((row) => names.set(row.id, row.name))),
          db
            .select({ id: statuses.id, labelSv: statuses.labelSv, labelEn: statuses.labelEn })
            .from(statuses)
            .where(and(eq(statuses.tenantId, tenantId), inArray(statuses.id, idList)))
            .then((rows) => rows.forEach((row) => names.set(row.id, label(row)))),
          db
            .select({
              id: vocabularyEntries.id,
              labelSv: vocabularyEntries.labelSv,
              labelEn: vocabularyEntries.labelEn,
            })
            .from(vocabularyEntries)
            .where(and(eq(vocabularyEntries.tenantId, tenantId), inArray(vocabularyEntries.id, idList)))
            .then((rows) => rows.forEach((row) => names.set(row.id, label(row)))),
        ]),
    ...[...entityIdsByType].map(([type, set]) => {
      const source = TITLES[type]!;
      return db
        .select({ id: source.id, title: source.title })
        .from(source.table)
        .where(and(eq(source.tenantId, tenantId), inArray(source.id, [...set])))
        .then((rows) => rows.forEach((row) => titles.set(`${type}:${row.id as string}`, row.title as string)));
    }),
  ]);
  return {
    /** The entity's current title or name, when it has one. */
    titleOf: (event: Event) => titles.get(`${event.entityType}:${event.entityId}`) ?? null,
    /** The names of the ids in the event's changes that name something. */
    namesIn: (event: Event) => {
      const own = new Set<string>();
      idsIn(event.changes, own);
      const found: Record<string, string> = {};
      for (const id of own) {
        const name = names.get(id);
        if (name !== undefined) found[id] = name;
      }
      return found;
    },
  };
}
