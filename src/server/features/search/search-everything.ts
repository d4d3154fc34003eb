import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { SEARCH_KINDS, type SearchHit, type SearchKind, type SearchResults } from '../../../domain/contracts/search.ts';
import type { Access } from '../../access/access.ts';
import { recommendationAddressedTo, reviewAddressedTo } from '../../access/recommendation-scope.ts';
import { queryRows, type Database } from '../../db/client.ts';
import { actions } from '../../db/schema/actions.ts';
import { activities } from '../../db/schema/activities.ts';
import { controls } from '../../db/schema/controls.ts';
import { deviations } from '../../db/schema/deviations.ts';
import { plans } from '../../db/schema/plans.ts';
import { recommendations } from '../../db/schema/recommendations.ts';
import { reviews } from '../../db/schema/reviews.ts';
import { risks } from '../../db/schema/risks.ts';
import { diarienummerWords, searchDocument } from '../../db/schema/search-documents.ts';
import { users } from '../../db/schema/users.ts';

/**
 * The text search query for `q`, Swedish stemming. The words are read as a web search engine
 * reads them (quotes, "or", -excluded); when the last word is a plain word it also matches as
 * the start of a word, so that a search typed part-way already finds ("avvik" → avvikelser).
 */
export function searchTsQuery(q: string): SQL {
  const words = q.split(/\s+/).filter((word) => word.length > 0);
  const last = words.at(-1) ?? '';
  const plainLast = /^[\p{L}\p{N}]+$/u.test(last);
  const operators = q.includes('"') || words.some((word) => word.toLowerCase() === 'or');
  if (!plainLast || operators) return sql`websearch_to_tsquery('swedish', ${q})`;
  // A plain word of letters and digits cannot break to_tsquery's syntax once quoted.
  const prefix = sql`to_tsquery('swedish', ${`'${last}':*`})`;
  const head = words.slice(0, -1).join(' ');
  return head ? sql`(websearch_to_tsquery('swedish', ${head}) && ${prefix})` : prefix;
}

/** `%q%` for ILIKE, with its wildcards escaped. */
function containing(q: string): string {
  return `%${q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

interface HitRow {
  kind: SearchKind;
  id: string;
  title: string;
  detail: string | null;
  unit_id: string | null;
  unit_name: string | null;
  start_year: number | null;
  end_year: number | null;
  plan_id: string | null;
  risk_id: string | null;
  review_id: string | null;
}

/** The columns of one kind's branch of the search, in the order every branch lists them. */
interface Branch {
  kind: SearchKind;
  title: AnyPgColumn | SQL;
  detail?: AnyPgColumn | SQL;
  unitId?: AnyPgColumn;
  startYear?: AnyPgColumn;
  endYear?: AnyPgColumn;
  planId?: AnyPgColumn;
  riskId?: AnyPgColumn;
  reviewId?: AnyPgColumn;
  id: AnyPgColumn;
  document: SQL;
  from: SQL;
  where: SQL;
}

function branchSql(branch: Branch, query: SQL, limit: number): SQL {
  const or = (column: AnyPgColumn | SQL | undefined, type: string) => column ?? sql.raw(`null::${type}`);
  return sql`(select ${branch.kind}::text as kind, ${branch.id} as id, ${branch.title} as title,
      ${or(branch.detail, 'text')} as detail, ${or(branch.unitId, 'uuid')} as unit_id,
      ${or(branch.startYear, 'integer')} as start_year, ${or(branch.endYear, 'integer')} as end_year,
      ${or(branch.planId, 'uuid')} as plan_id, ${or(branch.riskId, 'uuid')} as risk_id,
      ${or(branch.reviewId, 'uuid')} as review_id, ts_rank(${branch.document}, ${query}) as rank
    from ${branch.from} where ${branch.where} order by rank desc, title asc, id asc limit ${limit})`;
}

/**
 * Everything the caller could open that matches `q`: plans, risks, controls, actions,
 * activities, deviations, reviews, recommendations and persons, at most `limit` of each kind,
 * the best first. Access is the lists' own: an item of a plan counts when the caller reads the
 * plan's unit, a review or recommendation also when addressed to a unit they read, persons are
 * read by everyone of the tenant; archived items and deactivated persons are left out, as the
 * lists leave them out unless asked. One query, each kind through its GIN index.
 */
export async function searchEverything(
  db: Database,
  access: Access,
  options: { q: string; limit: number },
): Promise<SearchResults> {
  const { tenantId } = access;
  const query = searchTsQuery(options.q);
  const matches = (document: SQL) => sql`${document} @@ ${query}`;
  const units = access.readableUnitIds();
  const planUnitReadable: SQL | undefined =
    units === 'all' ? undefined : units.length === 0 ? sql`false` : inArray(plans.unitId, units);
  const joinPlan = (planId: AnyPgColumn, tableTenant: AnyPgColumn) =>
    sql`join ${plans} on ${plans.tenantId} = ${tableTenant} and ${plans.id} = ${planId}`;
  const planColumns = { unitId: plans.unitId, startYear: plans.startYear, endYear: plans.endYear, planId: plans.id };
  const diarienummer = containing(options.q);

  const documents = {
    plan: searchDocument(plans.title, plans.description, plans.diarienummer, diarienummerWords(plans.diarienummer)),
    risk: searchDocument(risks.title, risks.description, risks.cause, risks.effect),
    control: searchDocument(controls.title, controls.description),
    action: searchDocument(actions.title, actions.whatToDo, actions.measuresTaken),
    activity: searchDocument(activities.number, activities.title, activities.description),
    deviation: searchDocument(deviations.title, deviations.description),
    review: searchDocument(
      reviews.title,
      reviews.diarienummer,
      diarienummerWords(reviews.diarienummer),
      reviews.findings,
    ),
    recommendation: searchDocument(
      recommendations.number,
      recommendations.recommendation,
      recommendations.answer,
      recommendations.actionsTaken,
    ),
    person: searchDocument(users.name, users.title, users.email),
  } satisfies Record<SearchKind, SQL>;

  const branches: Branch[] = [
    {
      kind: 'plan',
      id: plans.id,
      title: plans.title,
      detail: plans.diarienummer,
      ...planColumns,
      document: documents.plan,
      from: sql`${plans}`,
      where: and(
        eq(plans.tenantId, tenantId),
        planUnitReadable,
        isNull(plans.archivedAt),
        or(matches(documents.plan), sql`${plans.diarienummer} ilike ${diarienummer}`),
      )!,
    },
    {
      kind: 'risk',
      id: risks.id,
      title: risks.title,
      ...planColumns,
      document: documents.risk,
      from: sql`${risks} ${joinPlan(risks.planId, risks.tenantId)}`,
      where: and(eq(risks.tenantId, tenantId), planUnitReadable, isNull(risks.archivedAt), matches(documents.risk))!,
    },
    {
      kind: 'control',
      id: controls.id,
      title: controls.title,
      ...planColumns,
      riskId: controls.riskId,
      document: documents.control,
      from: sql`${controls} ${joinPlan(controls.planId, controls.tenantId)}`,
      where: and(
        eq(controls.tenantId, tenantId),
        planUnitReadable,
        isNull(controls.archivedAt),
        matches(documents.control),
      )!,
    },
    {
      kind: 'action',
      id: actions.id,
      title: actions.title,
      ...planColumns,
      riskId: actions.riskId,
      document: documents.action,
      from: sql`${actions} ${joinPlan(actions.planId, actions.tenantId)}`,
      where: and(
        eq(actions.tenantId, tenantId),
        planUnitReadable,
        isNull(actions.archivedAt),
        matches(documents.action),
      )!,
    },
    {
      kind: 'activity',
      id: activities.id,
      title: activities.title,
      detail: activities.number,
      ...planColumns,
      document: documents.activity,
      from: sql`${activities} ${joinPlan(activities.planId, activities.tenantId)}`,
      where: and(
        eq(activities.tenantId, tenantId),
        planUnitReadable,
        isNull(activities.archivedAt),
        matches(documents.activity),
      )!,
    },
    {
      kind: 'deviation',
      id: deviations.id,
      title: deviations.title,
      ...planColumns,
      riskId: controls.riskId,
      document: documents.deviation,
      from: sql`${deviations} join ${controls} on ${controls.tenantId} = ${deviations.tenantId} and ${controls.id} = ${deviations.controlId} ${joinPlan(controls.planId, controls.tenantId)}`,
      where: and(
        eq(deviations.tenantId, tenantId),
        planUnitReadable,
        isNull(deviations.archivedAt),
        matches(documents.deviation),
      )!,
    },
    {
      kind: 'review',
      id: reviews.id,
      title: reviews.title,
      detail: reviews.diarienummer,
      ...planColumns,
      reviewId: reviews.id,
      document: documents.review,
      from: sql`${reviews} ${joinPlan(reviews.planId, reviews.tenantId)}`,
      where: and(
        eq(reviews.tenantId, tenantId),
        units === 'all'
          ? undefined
          : units.length === 0
            ? sql`false`
            : or(inArray(plans.unitId, units), reviewAddressedTo(db, tenantId, units)),
        isNull(reviews.archivedAt),
        or(matches(documents.review), sql`${reviews.diarienummer} ilike ${diarienummer}`),
      )!,
    },
    {
      kind: 'recommendation',
      id: recommendations.id,
      title: recommendations.recommendation,
      detail: recommendations.number,
      ...planColumns,
      reviewId: recommendations.reviewId,
      document: documents.recommendation,
      from: sql`${recommendations} join ${reviews} on ${reviews.tenantId} = ${recommendations.tenantId} and ${reviews.id} = ${recommendations.reviewId} ${joinPlan(reviews.planId, reviews.tenantId)}`,
      where: and(
        eq(recommendations.tenantId, tenantId),
        units === 'all'
          ? undefined
          : units.length === 0
            ? sql`false`
            : or(inArray(plans.unitId, units), recommendationAddressedTo(db, tenantId, units)),
        isNull(recommendations.archivedAt),
        matches(documents.recommendation),
      )!,
    },
    {
      kind: 'person',
      id: users.id,
      title: users.name,
      detail: users.email,
      document: documents.person,
      from: sql`${users}`,
      where: and(eq(users.tenantId, tenantId), isNull(users.deactivatedAt), matches(documents.person))!,
    },
  ];

  // One more than the limit of each kind tells whether there are more.
  const rows = await queryRows<HitRow>(
    db,
    sql`select hit.*, unit.name as unit_name
          from (${sql.join(
            branches.map((branch) => branchSql(branch, query, options.limit + 1)),
            sql` union all `,
          )}) hit
          left join org_units unit on unit.tenant_id = ${tenantId} and unit.id = hit.unit_id
         order by hit.rank desc, hit.title asc, hit.id asc`,
  );
  const byKind = new Map<SearchKind, HitRow[]>();
  for (const row of rows) byKind.set(row.kind, [...(byKind.get(row.kind) ?? []), row]);
  const groups = SEARCH_KINDS.flatMap((kind) => {
    const found = byKind.get(kind) ?? [];
    if (found.length === 0) return [];
    return [{ kind, items: found.slice(0, options.limit).map(present), more: found.length > options.limit }];
  });
  return { q: options.q, groups };
}

function present(row: HitRow): SearchHit {
  return {
    kind: row.kind,
    id: row.id,
    title: row.title,
    detail: row.detail,
    unitId: row.unit_id,
    unitName: row.unit_name,
    startYear: row.start_year === null ? null : Number(row.start_year),
    endYear: row.end_year === null ? null : Number(row.end_year),
    planId: row.plan_id,
    riskId: row.risk_id,
    reviewId: row.review_id,
  };
}
