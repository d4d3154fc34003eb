import { and, asc, eq, inArray } from 'drizzle-orm';
import { personDisplayName } from '../../../domain/person.ts';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { riskAssessments, risks } from '../../db/schema/risks.ts';
import { users } from '../../db/schema/users.ts';
import type { Locale } from '../../errors.ts';
import { findReadableRisk } from './find-readable-risk.ts';

/** How far back a chain of carried-over risks is followed: more years than any plan keeps. */
const MAX_GENERATIONS = 30;

export interface ListRiskAssessmentsOptions {
  riskId: string;
  /** The language the assessors' names are shown in ("(borttagen)" or "(removed)"). */
  locale: Locale;
}

/**
 * The assessment history of a risk, oldest year first: its own and those of the risks it was
 * carried over from in earlier plans and carried on to in later ones, each with the response
 * decided in that year's plan, so that the trend over the years shows in one list whichever
 * year's risk is asked for.
 */
export async function listRiskAssessments(
  db: Database,
  access: Access,
  { riskId, locale }: ListRiskAssessmentsOptions,
) {
  const risk = await findReadableRisk(db, access, { riskId });
  const chain = [risk.id];
  let from = risk.carriedFromId;
  while (from && chain.length < MAX_GENERATIONS && !chain.includes(from)) {
    chain.push(from);
    const [earlier] = await db
      .select({ carriedFromId: risks.carriedFromId })
      .from(risks)
      .where(and(eq(risks.tenantId, access.tenantId), eq(risks.id, from)));
    from = earlier?.carriedFromId ?? null;
  }
  // And the risks it was carried on to in later plans, so the line is the same from any year of it.
  let frontier = [risk.id];
  while (frontier.length > 0 && chain.length < MAX_GENERATIONS) {
    const later = await db
      .select({ id: risks.id })
      .from(risks)
      .where(and(eq(risks.tenantId, access.tenantId), inArray(risks.carriedFromId, frontier)));
    frontier = later.map((row) => row.id).filter((id) => !chain.includes(id));
    chain.push(...frontier);
  }
  const rows = await db
    .select({
      assessment: riskAssessments,
      response: risks.response,
      person: { name: users.name, deactivatedAt: users.deactivatedAt },
    })
    .from(riskAssessments)
    .innerJoin(risks, and(eq(risks.tenantId, riskAssessments.tenantId), eq(risks.id, riskAssessments.riskId)))
    .leftJoin(users, and(eq(users.tenantId, riskAssessments.tenantId), eq(users.id, riskAssessments.assessedById)))
    .where(and(eq(riskAssessments.tenantId, access.tenantId), inArray(riskAssessments.riskId, chain)))
    .orderBy(asc(riskAssessments.year));
  return rows.map(({ assessment, response, person }) => ({
    id: assessment.id,
    riskId: assessment.riskId,
    year: assessment.year,
    likelihood: assessment.likelihood,
    consequence: assessment.consequence,
    riskValue: assessment.likelihood * assessment.consequence,
    response,
    assessedOn: assessment.assessedOn,
    assessedById: assessment.assessedById,
    assessedByName: person?.name
      ? personDisplayName({ name: person.name, deactivatedAt: person.deactivatedAt }, locale)
      : null,
  }));
}
