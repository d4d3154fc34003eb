import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { ArchivableEntity } from './archive.ts';
import { auditEventKeys } from './audit-events.ts';
import { calendarKeys } from './reporting-calendar.ts';
import { controlResultKeys } from './control-results.ts';
import { deviationKeys } from './deviations.ts';
import { focusAreaKeys } from './focus-areas.ts';
import { followUpKeys } from './follow-ups.ts';
import { itemKeys, type ItemKind, type PlanItemKind } from './items.ts';
import { myWorkKeys } from './me.ts';
import { orgUnitKeys } from './org-units.ts';
import { overviewKeys } from './overview.ts';
import { planKeys } from './plans.ts';
import { recommendationKeys } from './recommendations.ts';
import { reportKeys } from './reports.ts';
import { reportTemplateKeys } from './report-templates.ts';
import { reviewKeys } from './reviews.ts';
import { riskKeys } from './risks.ts';
import { riskMatrixKeys } from './risk-matrices.ts';
import { roleAssignmentKeys } from './role-assignments.ts';
import { statusKeys } from './statuses.ts';
import { userKeys } from './users.ts';
import { apiTokenKeys } from './api-tokens.ts';
import { invitationKeys } from './invitations.ts';
import { scimKeys } from './scim.ts';
import { identityProviderKeys, roleMappingRuleKeys } from './identity-providers.ts';
import type { OrgImportKind } from './org-import.ts';
import { planImportKeys } from './plan-imports.ts';
import type { ReportKind } from '../../domain/report-kind.ts';
import { invalidateKeys } from './shared.ts';

// What each write makes stale. A write marks its own noun's keys and the views that show what it
// changed: the views of its plan (overview, activity list, versions, comparison) and of its risk
// (the risk page) for that one plan and risk, the views that sum up across plans (my work, the
// overview, the report previews) and the audit trail of what it changed. Screens call these after
// a successful write; they never invalidate everything. (The rules live here rather than in the
// noun modules because a rule names the keys of other nouns, and the modules stay free of cycles.)

/** Where a changed thing is shown inside its plan. */
export interface PlanContentChange {
  /** The plan it belongs to. */
  planId: string;
  /** The risks whose pages show it (both the old and the new one when it moved). */
  riskIds?: readonly (string | null | undefined)[];
  /** What was written: their audit trails grew. */
  entityIds?: readonly (string | null | undefined)[];
}

/** The views that show plan content, for one plan and its risks, and the cross-plan sums. */
export function planContentKeys({ planId, riskIds = [], entityIds = [] }: PlanContentChange): QueryKey[] {
  return [
    planKeys.plan(planId),
    ...present(riskIds).map(riskKeys.risk),
    myWorkKeys.all,
    overviewKeys.all,
    reportKeys.previews(),
    ...present(entityIds).map(auditEventKeys.entity),
  ];
}

function present(ids: readonly (string | null | undefined)[]): string[] {
  return [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
}

/**
 * After the plan itself was created, changed, adopted, revised, closed or rolled over: every plan
 * view (the list, this plan's views, and other plans' carry-over links, which name it), the
 * screens that name the plan or reckon with its years (risk pages and forms, follow-up forms),
 * my work, the overview, the report previews and the plan's history.
 */
export function invalidatePlan(queryClient: QueryClient, planId: string): Promise<void> {
  return invalidateKeys(queryClient, [
    planKeys.all,
    riskKeys.all,
    followUpKeys.all,
    myWorkKeys.all,
    overviewKeys.all,
    reportKeys.previews(),
    auditEventKeys.entity(planId),
  ]);
}

/** After a risk was created or changed: the risk lists, its page and its plan's views. */
export function invalidateRisk(queryClient: QueryClient, risk: { id: string; planId: string }): Promise<void> {
  return invalidateKeys(queryClient, [
    riskKeys.lists(),
    ...planContentKeys({ planId: risk.planId, riskIds: [risk.id], entityIds: [risk.id] }),
  ]);
}

/**
 * After a control or action was created or changed: its kind's keys, the deviation screens (which
 * name controls and offer the plan's actions), the follow-up forms (which show the item and start
 * from its status), its risk's page and its plan's views.
 */
export function invalidateItem(
  queryClient: QueryClient,
  item: { kind: ItemKind; id: string; planId: string; riskId: string | null },
): Promise<void> {
  return invalidateKeys(queryClient, [
    itemKeys[item.kind].all,
    deviationKeys.all,
    followUpKeys.all,
    ...planContentKeys({ planId: item.planId, riskIds: [item.riskId], entityIds: [item.id] }),
  ]);
}

/** After an activity (or one of its sub-activities) was created or changed. */
export function invalidateActivity(
  queryClient: QueryClient,
  activity: { id: string; planId: string; subActivityId?: string },
): Promise<void> {
  return invalidateKeys(queryClient, [
    itemKeys.activity.all,
    followUpKeys.all,
    ...planContentKeys({ planId: activity.planId, entityIds: [activity.id, activity.subActivityId] }),
  ]);
}

/**
 * After a follow-up was written or changed: the follow-ups, and its item, whose status follows the
 * follow-up's, with the item's risk page and plan views.
 */
export function invalidateFollowUp(
  queryClient: QueryClient,
  followUp: {
    id: string;
    item: { kind: PlanItemKind; id: string; planId: string; riskId?: string | null | undefined };
  },
): Promise<void> {
  const { item } = followUp;
  return invalidateKeys(queryClient, [
    followUpKeys.all,
    itemKeys[item.kind].all,
    ...planContentKeys({ planId: item.planId, riskIds: [item.riskId], entityIds: [followUp.id, item.id] }),
  ]);
}

/** After a deviation was recorded or changed: the deviations, and its control's risk page and plan. */
export function invalidateDeviation(
  queryClient: QueryClient,
  deviation: { id: string; planId: string; riskId: string },
): Promise<void> {
  return invalidateKeys(queryClient, [
    deviationKeys.all,
    ...planContentKeys({ planId: deviation.planId, riskIds: [deviation.riskId], entityIds: [deviation.id] }),
  ]);
}

/** After a control's result was recorded or changed: the results, the deviations it found, its risk page and plan. */
export function invalidateControlResult(
  queryClient: QueryClient,
  result: { id: string; deviationIds: readonly string[]; planId: string; riskId: string | null },
): Promise<void> {
  return invalidateKeys(queryClient, [
    controlResultKeys.all,
    deviationKeys.all,
    ...planContentKeys({
      planId: result.planId,
      riskIds: [result.riskId],
      entityIds: [result.id, ...result.deviationIds],
    }),
  ]);
}

/** After a review was created or changed: the reviews, and the pages of the risks it was and is about. */
export function invalidateReview(
  queryClient: QueryClient,
  review: { id: string; planId: string; riskIds: readonly (string | null | undefined)[] },
): Promise<void> {
  return invalidateKeys(queryClient, [
    reviewKeys.all,
    ...planContentKeys({ planId: review.planId, riskIds: review.riskIds, entityIds: [review.id] }),
  ]);
}

/** After a recommendation of a review was added or changed: that review's list and its history. */
export function invalidateRecommendation(
  queryClient: QueryClient,
  recommendation: { reviewId: string; id: string },
): Promise<void> {
  return invalidateKeys(queryClient, [
    recommendationKeys.ofReview(recommendation.reviewId),
    auditEventKeys.entity(recommendation.id),
  ]);
}

/**
 * After plan data was archived or restored. It leaves (or returns to) every list that showed it,
 * and a restore from the history page does not know where that is: every view of plan content is
 * marked stale, and the entity's own keys and history. The tenant's reference data is not.
 */
export function invalidateArchived(queryClient: QueryClient, entity: ArchivableEntity): Promise<void> {
  return invalidateKeys(queryClient, [
    planKeys.all,
    riskKeys.all,
    itemKeys.control.all,
    itemKeys.action.all,
    itemKeys.activity.all,
    followUpKeys.all,
    deviationKeys.all,
    reviewKeys.all,
    myWorkKeys.all,
    overviewKeys.all,
    reportKeys.previews(),
    auditEventKeys.entity(entity.id),
  ]);
}

/** After a report was sent to the nämnd: the lists of sent reports (the report page's and the year's). */
export function invalidateIssuedReports(queryClient: QueryClient): Promise<void> {
  return invalidateKeys(queryClient, [reportKeys.issued()]);
}

/** After a report text was written: the texts of that kind and unit, and the previews that print them. */
export function invalidateReportTexts(queryClient: QueryClient, kind: ReportKind, unitId: string): Promise<void> {
  return invalidateKeys(queryClient, [reportKeys.texts(kind, unitId), reportKeys.previews()]);
}

/** A report template changed: its reads and every report preview. */
export function invalidateReportTemplates(queryClient: QueryClient): Promise<void> {
  return invalidateKeys(queryClient, [reportTemplateKeys.all, reportKeys.previews()]);
}

// The tenant's reference data, changed in the administration.

export function invalidateUsers(queryClient: QueryClient): Promise<void> {
  return invalidateKeys(queryClient, [userKeys.all]);
}

/** After an invitation was sent or withdrawn: the open invitations (the persons themselves do not change). */
export function invalidateInvitations(queryClient: QueryClient): Promise<void> {
  return invalidateKeys(queryClient, [invitationKeys.all]);
}

export function invalidateRoleAssignments(queryClient: QueryClient): Promise<void> {
  return invalidateKeys(queryClient, [roleAssignmentKeys.all]);
}

export function invalidateOrgUnits(queryClient: QueryClient): Promise<void> {
  return invalidateKeys(queryClient, [orgUnitKeys.all]);
}

/**
 * After an organisation import: a file of units changes the units; a file of people changes the
 * persons and their roles (a new person comes with a role).
 */
export function invalidateOrgImport(queryClient: QueryClient, kind: OrgImportKind): Promise<void> {
  return invalidateKeys(queryClient, kind === 'units' ? [orgUnitKeys.all] : [userKeys.all, roleAssignmentKeys.all]);
}

/** After an import's state moved on (mapping changed, confirmed, cancelled): the import and the list of imports. */
export function invalidatePlanImport(queryClient: QueryClient, importId: string): Promise<void> {
  return invalidateKeys(queryClient, [planImportKeys.import(importId), planImportKeys.list()]);
}

/** After a column mapping was saved or deleted: the list of saved mappings. */
export function invalidatePlanImportMappings(queryClient: QueryClient): Promise<void> {
  return invalidateKeys(queryClient, [planImportKeys.mappings()]);
}

/**
 * After an import was written: everything of the plan it wrote (a new plan appears in the plan
 * list), its risks, items, activities and follow-ups, the people it created, and the imports.
 */
export async function invalidatePlanImportDone(queryClient: QueryClient, planId: string): Promise<void> {
  await invalidatePlan(queryClient, planId);
  await invalidateKeys(queryClient, [
    itemKeys.control.all,
    itemKeys.action.all,
    itemKeys.activity.all,
    userKeys.all,
    planImportKeys.all,
  ]);
}

export function invalidateStatuses(queryClient: QueryClient): Promise<void> {
  return invalidateKeys(queryClient, [statusKeys.all]);
}

export function invalidateFocusAreas(queryClient: QueryClient): Promise<void> {
  return invalidateKeys(queryClient, [focusAreaKeys.all]);
}

export function invalidateRiskMatrices(queryClient: QueryClient): Promise<void> {
  return invalidateKeys(queryClient, [riskMatrixKeys.all]);
}

export function invalidateCalendar(queryClient: QueryClient): Promise<void> {
  return invalidateKeys(queryClient, [calendarKeys.all]);
}

export function invalidateApiTokens(queryClient: QueryClient): Promise<void> {
  return invalidateKeys(queryClient, [apiTokenKeys.all]);
}

/** A SCIM token created or revoked: the token list only (the directory's groups change by SCIM, not here). */
export function invalidateScimTokens(queryClient: QueryClient): Promise<void> {
  return invalidateKeys(queryClient, [scimKeys.tokens()]);
}

/**
 * After an identity provider was added, changed, turned on or off, archived or restored: the
 * providers (the list and each provider's views). The rules name providers by id and are not
 * changed; their page reads the names from the providers' list.
 */
export function invalidateIdentityProviders(queryClient: QueryClient): Promise<void> {
  return invalidateKeys(queryClient, [identityProviderKeys.all]);
}

/**
 * After a role-mapping rule was added, changed, archived or restored: the rules. The roles it
 * gives change only at each person's next sign-in, so the role assignments are not stale yet.
 */
export function invalidateRoleMappingRules(queryClient: QueryClient): Promise<void> {
  return invalidateKeys(queryClient, [roleMappingRuleKeys.all]);
}
