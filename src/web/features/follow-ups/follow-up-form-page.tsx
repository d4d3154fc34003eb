import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { periodRunningOn } from '../../../domain/reporting-period.ts';
import { LoadFailed, Loading, Page } from '../../components/page.tsx';
import { SelectField } from '../../components/fields.tsx';
import { ArchiveButton } from '../../components/archive-button.tsx';
import { Attachments } from '../../components/attachments.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
import { ReviewStateBadge } from '../../components/follow-up-review.tsx';
import { MarkdownField } from '../../components/markdown-field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  createFollowUp,
  followUpKeys,
  FOLLOW_UP_ITEM_FIELD,
  getFollowUp,
  submitFollowUp,
  updateFollowUp,
  type FollowUp,
} from '../../api/follow-ups.ts';
import { getItem, type AnyItem, type PlanItemKind } from '../../api/items.ts';
import { getPlan, type Plan } from '../../api/plans.ts';
import { invalidateFollowUp } from '../../api/invalidation.ts';
import { webToday } from '../../lib/clock.ts';
import { loadPeriodList, periodLabel, type Period } from '../../lib/periods.ts';
import { useEntityForm } from '../../lib/use-entity-form.ts';
import { useStatuses, statusOptions } from '../../lib/reference-data.ts';

type Kind = PlanItemKind;

/** The period to suggest: the one running today, else the latest that has ended. */
function suggestedPeriod(periods: Period[]): string {
  const today = webToday();
  const running = periodRunningOn(periods, today);
  if (running) return running.id;
  const ended = periods
    .filter((period) => period.endDate < today)
    .sort((a, b) => b.endDate.localeCompare(a.endDate) || b.startDate.localeCompare(a.startDate));
  return ended[0]?.id ?? periods[0]?.id ?? '';
}

/** Writes the follow-up of one control, action or activity for a reporting period, with its status now. */
export function FollowUpFormPage() {
  const { t } = useI18n();
  const search = useSearch({ from: '/uppfoljning/ny' });
  const kind: Kind | null = search.kontrollmoment
    ? 'control'
    : search.atgard
      ? 'action'
      : search.aktivitet
        ? 'activity'
        : null;
  const itemId = search.kontrollmoment ?? search.atgard ?? search.aktivitet;
  const data = useQuery({
    queryKey: followUpKeys.newForm(kind, itemId),
    enabled: kind !== null,
    queryFn: async ({ signal }) => {
      const item = await getItem(kind!, itemId!, signal);
      const plan = await getPlan(item.planId, signal);
      const periods = await loadPeriodList(plan.startYear, plan.endYear, signal);
      return { item, plan, periods };
    },
  });
  const statuses = useStatuses();
  const title = t('followUpForm.title');
  if (kind === null)
    return (
      <Page title={title}>
        <p>{t('followUpForm.noItem')}</p>
      </Page>
    );
  const error = data.error ?? statuses.error;
  if (error)
    return (
      <Page title={title}>
        <LoadFailed error={error} />
      </Page>
    );
  if (!data.data || !statuses.data)
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  return <FollowUpForm kind={kind} followUp={null} {...data.data} />;
}

/** Its author (or a coordinator) corrects a follow-up already written. */
export function EditFollowUpPage() {
  const { t } = useI18n();
  const { followUpId } = useParams({ from: '/uppfoljning/$followUpId/redigera' });
  const data = useQuery({
    queryKey: followUpKeys.editForm(followUpId),
    queryFn: async ({ signal }) => {
      const followUp = await getFollowUp(followUpId, signal);
      const kind: Kind = followUp.controlId ? 'control' : followUp.actionId ? 'action' : 'activity';
      const item = await getItem(kind, (followUp.controlId ?? followUp.actionId ?? followUp.activityId)!, signal);
      const plan = await getPlan(item.planId, signal);
      const periods = await loadPeriodList(plan.startYear, plan.endYear, signal);
      return { followUp, kind, item, plan, periods };
    },
  });
  const statuses = useStatuses();
  const error = data.error ?? statuses.error;
  if (error)
    return (
      <Page title={t('followUpForm.edit')}>
        <LoadFailed error={error} />
      </Page>
    );
  if (!data.data || !statuses.data)
    return (
      <Page title={t('followUpForm.edit')}>
        <Loading />
      </Page>
    );
  return <FollowUpForm key={data.data.followUp.version} {...data.data} />;
}

function FollowUpForm({
  kind,
  followUp,
  item,
  plan,
  periods,
}: {
  kind: Kind;
  followUp: FollowUp | null;
  item: AnyItem;
  plan: Plan;
  periods: Period[];
}) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const statuses = useStatuses().data!;
  const toValues = (entry: Partial<FollowUp> | null) =>
    entry
      ? {
          periodId: entry.periodId ?? '',
          body: entry.body ?? '',
          analysis: entry.analysis ?? '',
          statusId: entry.statusId ?? '',
        }
      : { periodId: suggestedPeriod(periods), body: '', analysis: '', statusId: item.statusId ?? '' };
  const form = useEntityForm(toValues(followUp), followUp?.version);
  const { values, set, submit } = form;
  // A new follow-up may be kept as a draft; a draft or a returned one may go for review once saved.
  const unsent = followUp !== null && (followUp.reviewState === 'draft' || followUp.reviewState === 'returned');
  const [asDraft, setAsDraft] = useState(false);
  const [submitAfter, setSubmitAfter] = useState(true);

  async function send(formValues: typeof values, version: number | undefined) {
    const body = {
      periodId: formValues.periodId,
      body: formValues.body,
      analysis: formValues.analysis.trim() ? formValues.analysis : null,
      statusId: formValues.statusId || null,
    };
    let saved = followUp
      ? await updateFollowUp(followUp.id, { version, ...body })
      : await createFollowUp({ [FOLLOW_UP_ITEM_FIELD[kind]]: item.id, ...body, ...(asDraft ? { draft: true } : {}) });
    if (unsent && submitAfter) saved = await submitFollowUp(saved.id, saved.version);
    await invalidateFollowUp(queryClient, {
      id: saved.id,
      item: { kind, id: item.id, planId: plan.id, riskId: 'riskId' in item ? item.riskId : null },
    });
    if (kind !== 'activity' && 'riskId' in item && item.riskId)
      await navigate({ to: '/risker/$riskId', params: { riskId: item.riskId }, hash: `item-${item.id}` });
    else
      await navigate({
        to: '/planer/$planId',
        params: { planId: plan.id },
        search: { sannolikhet: undefined, konsekvens: undefined },
        hash: `item-${item.id}`,
      });
  }

  const itemTitle = 'number' in item && item.number ? `${item.number} ${item.title}` : item.title;
  return (
    <Page title={t('followUpForm.titleFor', { title: itemTitle })}>
      <p className="lead">
        {t(`itemKind.${kind}`)} · {plan.title}
      </p>
      {periods.length === 0 && <p className="notice notice-warning">{t('followUpForm.noPeriods')}</p>}
      {followUp && followUp.reviewState !== 'approved' && (
        <div className={followUp.reviewState === 'returned' ? 'notice notice-warning' : 'notice'}>
          <p>
            {t('followUpReview.label')} <ReviewStateBadge state={followUp.reviewState} />
          </p>
          {followUp.reviewState === 'returned' && followUp.reviewComment && (
            <p>
              <strong>{t('followUpReview.returnComment')}</strong> {followUp.reviewComment}
            </p>
          )}
        </div>
      )}
      <FormFrame
        form={form}
        send={send}
        base={followUp}
        conflictFields={[
          { key: 'body', label: t('followUpForm.body') },
          { key: 'analysis', label: t('followUps.analysis') },
        ]}
        toValues={(current) => toValues(current)}
        submitLabel={t('followUpForm.save')}
      >
        <SelectField
          label={t('followUpForm.period')}
          isRequired
          value={values.periodId}
          onChange={(value) => set('periodId', value)}
          options={periods.map((period) => ({ value: period.id, label: periodLabel(period, locale) }))}
          errors={submit.fieldErrors('periodId')}
        />
        <MarkdownField
          label={t('followUpForm.body')}
          description={t('followUpForm.bodyHelp')}
          isRequired
          value={values.body}
          onChange={(value) => set('body', value)}
          errors={submit.fieldErrors('body')}
        />
        {kind === 'activity' && (
          <MarkdownField
            label={t('followUps.analysis')}
            value={values.analysis}
            onChange={(value) => set('analysis', value)}
            errors={submit.fieldErrors('analysis')}
            rows={4}
          />
        )}
        <SelectField
          label={t('followUpForm.status')}
          description={t('followUpForm.statusHelp')}
          value={values.statusId}
          onChange={(value) => set('statusId', value)}
          options={statusOptions(statuses, locale)}
          emptyLabel={t('status.none')}
          errors={submit.fieldErrors('statusId')}
        />
        {!followUp && (
          <label className="checkbox">
            <input type="checkbox" checked={asDraft} onChange={(event) => setAsDraft(event.target.checked)} />{' '}
            {t('followUpReview.saveAsDraft')}
          </label>
        )}
        {unsent && (
          <label className="checkbox">
            <input type="checkbox" checked={submitAfter} onChange={(event) => setSubmitAfter(event.target.checked)} />{' '}
            {t('followUpReview.submitOnSave')}
          </label>
        )}
      </FormFrame>
      {followUp && <Attachments targetType="follow_up" targetId={followUp.id} />}
      {followUp && (
        <div className="archive-row">
          <ArchiveButton
            entity={{ type: 'follow_up', id: followUp.id }}
            name={t('followUps.editOf', {
              period: periodLabel(
                periods.find((period) => period.id === followUp.periodId),
                locale,
              ),
            })}
            onDone={() =>
              navigate({
                to: '/planer/$planId',
                params: { planId: plan.id },
                search: { sannolikhet: undefined, konsekvens: undefined },
              })
            }
          />
        </div>
      )}
    </Page>
  );
}
