import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { describe, expect, test } from 'vitest';
import { archiveKeys } from './archive.ts';
import { auditEventKeys } from './audit-events.ts';
import { deviationKeys } from './deviations.ts';
import { followUpKeys } from './follow-ups.ts';
import { identityProviderKeys, roleMappingRuleKeys } from './identity-providers.ts';
import {
  invalidateArchived,
  invalidateIdentityProviders,
  invalidateFollowUp,
  invalidateItem,
  invalidateOrgImport,
  invalidatePlan,
  invalidateRecommendation,
  invalidateReview,
  invalidateRisk,
  invalidateRoleMappingRules,
} from './invalidation.ts';
import { itemKeys } from './items.ts';
import { myWorkKeys } from './me.ts';
import { orgUnitKeys } from './org-units.ts';
import { overviewKeys } from './overview.ts';
import { planKeys } from './plans.ts';
import { recommendationKeys } from './recommendations.ts';
import { reportKeys } from './reports.ts';
import { reviewKeys } from './reviews.ts';
import { riskKeys } from './risks.ts';
import { roleAssignmentKeys } from './role-assignments.ts';
import { statusKeys } from './statuses.ts';
import { userKeys } from './users.ts';

const PLAN = 'plan-a';
const OTHER_PLAN = 'plan-b';
const RISK = 'risk-a';
const OTHER_RISK = 'risk-b';
const CONTROL = 'control-a';

/** A cache holding an answer under each key, none of them stale yet. */
function cacheWith(keys: QueryKey[]): QueryClient {
  const queryClient = new QueryClient();
  for (const key of keys) queryClient.setQueryData(key, { cached: key });
  return queryClient;
}

/** Which of the keys are marked stale now. */
function stale(queryClient: QueryClient, keys: QueryKey[]): QueryKey[] {
  return keys.filter((key) => queryClient.getQueryState(key)?.isInvalidated);
}

// What a person may have looked at before the write: two plans, two risks, the lists and sums.
const SCREENS: QueryKey[] = [
  planKeys.list(),
  planKeys.detail(PLAN),
  planKeys.overview(PLAN),
  planKeys.versions(PLAN),
  planKeys.overview(OTHER_PLAN),
  planKeys.activityList(OTHER_PLAN),
  riskKeys.page(RISK),
  riskKeys.detail(RISK),
  riskKeys.page(OTHER_RISK),
  riskKeys.list({ planId: PLAN }),
  itemKeys.control.detail(CONTROL),
  itemKeys.action.detail('action-a'),
  itemKeys.activity.detail('activity-a'),
  followUpKeys.newForm('control', CONTROL),
  deviationKeys.page({}),
  reviewKeys.list({}),
  myWorkKeys.of('user-a'),
  overviewKeys.of('unit-a', 2026),
  reportKeys.preview('/api/v1/reports/plan?format=html'),
  reportKeys.issuedList({ unit: 'unit-a' }),
  auditEventKeys.list(CONTROL),
  auditEventKeys.list(RISK),
  statusKeys.list({}),
  userKeys.list(),
];

describe('the key factories: one root per noun, everything of one thing under its own prefix', () => {
  test('a plan’s views lie under the plan, apart from the list and from other plans', () => {
    const prefix = planKeys.plan(PLAN);
    for (const key of [planKeys.detail(PLAN), planKeys.overview(PLAN), planKeys.versions(PLAN)])
      expect(key.slice(0, prefix.length)).toEqual(prefix);
    expect(planKeys.list().slice(0, prefix.length)).not.toEqual(prefix);
    expect(planKeys.overview(OTHER_PLAN).slice(0, prefix.length)).not.toEqual(prefix);
    expect(planKeys.comparison(PLAN, { from: 1, to: 'current' })).not.toEqual(
      planKeys.comparison(PLAN, { from: 2, to: 'current' }),
    );
  });

  test('whether an archived thing is archived is cached under that thing’s own keys', () => {
    expect(archiveKeys.state({ type: 'control', id: CONTROL }).slice(0, 2)).toEqual(itemKeys.control.detail(CONTROL));
    expect(archiveKeys.state({ type: 'plan', id: PLAN }).slice(0, 2)).toEqual(planKeys.plan(PLAN));
    expect(archiveKeys.state({ type: 'follow_up', id: 'f' }).slice(0, 2)).toEqual(followUpKeys.followUp('f'));
  });
});

describe('what a write marks stale', () => {
  test('saving a control: its plan’s overview and its risk’s page, not another plan’s or risk’s', async () => {
    const queryClient = cacheWith(SCREENS);
    await invalidateItem(queryClient, { kind: 'control', id: CONTROL, planId: PLAN, riskId: RISK });
    expect(stale(queryClient, SCREENS)).toEqual([
      planKeys.detail(PLAN),
      planKeys.overview(PLAN),
      planKeys.versions(PLAN),
      riskKeys.page(RISK),
      riskKeys.detail(RISK),
      itemKeys.control.detail(CONTROL),
      followUpKeys.newForm('control', CONTROL),
      deviationKeys.page({}),
      myWorkKeys.of('user-a'),
      overviewKeys.of('unit-a', 2026),
      reportKeys.preview('/api/v1/reports/plan?format=html'),
      auditEventKeys.list(CONTROL),
    ]);
  });

  test('a follow-up: the item it follows up, whose status follows, and that item’s history', async () => {
    const queryClient = cacheWith(SCREENS);
    await invalidateFollowUp(queryClient, {
      id: 'follow-up-a',
      item: { kind: 'control', id: CONTROL, planId: PLAN, riskId: RISK },
    });
    const marked = stale(queryClient, SCREENS);
    expect(marked).toContainEqual(itemKeys.control.detail(CONTROL));
    expect(marked).toContainEqual(auditEventKeys.list(CONTROL));
    expect(marked).toContainEqual(riskKeys.page(RISK));
    expect(marked).toContainEqual(myWorkKeys.of('user-a'));
    expect(marked).not.toContainEqual(itemKeys.action.detail('action-a'));
    expect(marked).not.toContainEqual(itemKeys.activity.detail('activity-a'));
    expect(marked).not.toContainEqual(planKeys.overview(OTHER_PLAN));
    expect(marked).not.toContainEqual(riskKeys.page(OTHER_RISK));
  });

  test('a risk: the risk lists and its page, not another risk’s page nor the plan list', async () => {
    const queryClient = cacheWith(SCREENS);
    await invalidateRisk(queryClient, { id: RISK, planId: PLAN });
    const marked = stale(queryClient, SCREENS);
    expect(marked).toContainEqual(riskKeys.list({ planId: PLAN }));
    expect(marked).toContainEqual(riskKeys.page(RISK));
    expect(marked).toContainEqual(auditEventKeys.list(RISK));
    expect(marked).not.toContainEqual(riskKeys.page(OTHER_RISK));
    expect(marked).not.toContainEqual(planKeys.list());
  });

  test('a review moved from one risk to another: both risks’ pages', async () => {
    const queryClient = cacheWith(SCREENS);
    await invalidateReview(queryClient, { id: 'review-a', planId: PLAN, riskIds: [RISK, OTHER_RISK] });
    const marked = stale(queryClient, SCREENS);
    expect(marked).toContainEqual(riskKeys.page(RISK));
    expect(marked).toContainEqual(riskKeys.page(OTHER_RISK));
    expect(marked).toContainEqual(reviewKeys.list({}));
    expect(marked).not.toContainEqual(planKeys.overview(OTHER_PLAN));
  });

  test('the plan itself: every plan view, the risk pages and the sums, but not the tenant’s reference data', async () => {
    const queryClient = cacheWith(SCREENS);
    await invalidatePlan(queryClient, PLAN);
    const marked = stale(queryClient, SCREENS);
    expect(marked).toContainEqual(planKeys.list());
    expect(marked).toContainEqual(planKeys.overview(OTHER_PLAN));
    expect(marked).toContainEqual(riskKeys.page(OTHER_RISK));
    expect(marked).toContainEqual(overviewKeys.of('unit-a', 2026));
    expect(marked).not.toContainEqual(statusKeys.list({}));
    expect(marked).not.toContainEqual(userKeys.list());
    expect(marked).not.toContainEqual(reportKeys.issuedList({ unit: 'unit-a' }));
  });

  test('archiving or restoring: every view of plan content, never the reference data', async () => {
    const queryClient = cacheWith(SCREENS);
    await invalidateArchived(queryClient, { type: 'control', id: CONTROL });
    const marked = stale(queryClient, SCREENS);
    expect(marked).toEqual(
      SCREENS.filter(
        (key) =>
          ![statusKeys.list({}), userKeys.list(), reportKeys.issuedList({ unit: 'unit-a' }), auditEventKeys.list(RISK)]
            .map((other) => JSON.stringify(other))
            .includes(JSON.stringify(key)),
      ),
    );
  });

  test('a recommendation: only its review’s list and its own history', async () => {
    const keys = [
      recommendationKeys.ofReview('review-a'),
      recommendationKeys.ofReview('review-b'),
      auditEventKeys.list('recommendation-a'),
      ...SCREENS,
    ];
    const queryClient = cacheWith(keys);
    await invalidateRecommendation(queryClient, { reviewId: 'review-a', id: 'recommendation-a' });
    expect(stale(queryClient, keys)).toEqual([
      recommendationKeys.ofReview('review-a'),
      auditEventKeys.list('recommendation-a'),
    ]);
  });

  test('an organisation import: the units after a file of units; the persons and roles after a file of people', async () => {
    const keys = [orgUnitKeys.list({}), orgUnitKeys.tree(), roleAssignmentKeys.list(), ...SCREENS];
    const units = cacheWith(keys);
    await invalidateOrgImport(units, 'units');
    expect(stale(units, keys)).toEqual([orgUnitKeys.list({}), orgUnitKeys.tree()]);
    const people = cacheWith(keys);
    await invalidateOrgImport(people, 'people');
    expect(stale(people, keys)).toEqual([roleAssignmentKeys.list(), userKeys.list()]);
  });

  test('sign-in through identity providers: a provider’s write marks the providers, a rule’s the rules, nothing else', async () => {
    const keys = [
      identityProviderKeys.list({ includeArchived: true }),
      identityProviderKeys.detail('idp-a'),
      identityProviderKeys.testSignIn('idp-a', 'attempt-a'),
      roleMappingRuleKeys.list({ includeArchived: true }),
      roleAssignmentKeys.list(),
      ...SCREENS,
    ];
    const providers = cacheWith(keys);
    await invalidateIdentityProviders(providers);
    expect(stale(providers, keys)).toEqual(keys.slice(0, 3));
    const rules = cacheWith(keys);
    await invalidateRoleMappingRules(rules);
    expect(stale(rules, keys)).toEqual([roleMappingRuleKeys.list({ includeArchived: true })]);
  });
});
