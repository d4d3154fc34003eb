import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { LoadFailed, Loading, Page } from '../../components/page.tsx';
import { ArchiveButton } from '../../components/archive-button.tsx';
import { Attachments } from '../../components/attachments.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
import { InputField, SelectField } from '../../components/fields.tsx';
import { MarkdownField } from '../../components/markdown-field.tsx';
import { unitOptions } from '../../components/unit-filter.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { blankToNull } from '../../lib/format.ts';
import { createReview, reviewQueries, updateReview, type Review } from '../../api/reviews.ts';
import { riskQueries, type Risk } from '../../api/risks.ts';
import { invalidateReview } from '../../api/invalidation.ts';
import { useEntityForm } from '../../lib/use-entity-form.ts';
import { useOrgUnits, useStatuses, statusOptions } from '../../lib/reference-data.ts';
import { RecommendationList } from './recommendation-list.tsx';

const toValues = (entry: Partial<Review> | null) => ({
  title: entry?.title ?? '',
  diarienummer: entry?.diarienummer ?? '',
  riskId: entry?.riskId ?? '',
  decisionUnitId: entry?.decisionUnitId ?? '',
  meetingDate: entry?.meetingDate ?? '',
  decisionParagraph: entry?.decisionParagraph ?? '',
  findings: entry?.findings ?? '',
  statusId: entry?.statusId ?? '',
});

export function NewReviewPage() {
  const { planId } = useParams({ from: '/planer/$planId/ny-granskning' });
  return <ReviewFormPage planId={planId} />;
}

export function EditReviewPage() {
  const { reviewId } = useParams({ from: '/granskningar/$reviewId/redigera' });
  return <ReviewFormPage reviewId={reviewId} />;
}

/** A granskning decided in a plan: diarienummer, the decision (body, sammanträde, §), findings and status. */
function ReviewFormPage({ planId, reviewId }: { planId?: string; reviewId?: string }) {
  const { t } = useI18n();
  const existing = useQuery({ ...reviewQueries.detail(reviewId ?? ''), enabled: reviewId !== undefined });
  const ownPlanId = planId ?? existing.data?.planId;
  const risks = useQuery({
    ...riskQueries.list({ planId: ownPlanId, sort: 'sortOrder' }),
    enabled: ownPlanId !== undefined,
  });
  const units = useOrgUnits();
  const statuses = useStatuses();
  const title = reviewId ? t('reviewForm.edit') : t('reviewForm.new');
  const error = existing.error ?? risks.error ?? units.error ?? statuses.error;
  if (error)
    return (
      <Page title={title}>
        <LoadFailed error={error} />
      </Page>
    );
  if ((reviewId && !existing.data) || !risks.data || !units.data || !statuses.data || !ownPlanId)
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  return (
    <ReviewForm
      key={existing.data?.version ?? 'new'}
      title={title}
      planId={ownPlanId}
      review={existing.data ?? null}
      risks={risks.data}
    />
  );
}

function ReviewForm({
  title,
  planId,
  review,
  risks,
}: {
  title: string;
  planId: string;
  review: Review | null;
  risks: Risk[];
}) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const units = useOrgUnits().data!;
  const statuses = useStatuses().data!;
  const form = useEntityForm(toValues(review), review?.version);
  const { values, set, submit } = form;

  async function send(formValues: typeof values, version: number | undefined) {
    const body = {
      title: formValues.title,
      diarienummer: blankToNull(formValues.diarienummer),
      riskId: blankToNull(formValues.riskId),
      decisionUnitId: blankToNull(formValues.decisionUnitId),
      meetingDate: blankToNull(formValues.meetingDate),
      decisionParagraph: blankToNull(formValues.decisionParagraph),
      findings: blankToNull(formValues.findings),
      statusId: blankToNull(formValues.statusId),
    };
    const saved = review
      ? await updateReview(review.id, { ...body, version })
      : await createReview({ ...body, planId });
    await invalidateReview(queryClient, { id: saved.id, planId, riskIds: [review?.riskId, saved.riskId] });
    await navigate({ to: '/granskningar', search: {} });
  }

  return (
    <Page title={title}>
      <FormFrame
        form={form}
        send={send}
        base={review}
        conflictFields={[
          { key: 'title', label: t('itemForm.title') },
          { key: 'findings', label: t('reviews.findings') },
        ]}
        toValues={(current) => toValues(current)}
      >
        <InputField
          label={t('itemForm.title')}
          isRequired
          value={values.title}
          onChange={(value) => set('title', value)}
          errors={submit.fieldErrors('title')}
        />
        <div className="field-row">
          <InputField
            label={t('plan.diarienummer')}
            description={t('reviewForm.diarienummerHelp')}
            value={values.diarienummer}
            onChange={(value) => set('diarienummer', value)}
            errors={submit.fieldErrors('diarienummer')}
          />
          <SelectField
            label={t('plan.risk')}
            value={values.riskId}
            onChange={(value) => set('riskId', value)}
            options={risks.map((entry) => ({ value: entry.id, label: entry.title }))}
            emptyLabel={t('reviewForm.noRisk')}
            errors={submit.fieldErrors('riskId')}
          />
        </div>
        <div className="field-row">
          <SelectField
            label={t('plan.decidedBy')}
            value={values.decisionUnitId}
            onChange={(value) => set('decisionUnitId', value)}
            options={unitOptions(units)}
            emptyLabel={t('planForm.noDecisionUnit')}
            errors={submit.fieldErrors('decisionUnitId')}
          />
          <InputField
            label={t('reviews.meeting')}
            type="date"
            value={values.meetingDate}
            onChange={(value) => set('meetingDate', value)}
            errors={submit.fieldErrors('meetingDate')}
          />
          <InputField
            label={t('plan.paragraph')}
            description={t('planForm.paragraphHelp')}
            value={values.decisionParagraph}
            onChange={(value) => set('decisionParagraph', value)}
            errors={submit.fieldErrors('decisionParagraph')}
          />
        </div>
        <MarkdownField
          label={t('reviews.findings')}
          value={values.findings}
          onChange={(value) => set('findings', value)}
          errors={submit.fieldErrors('findings')}
        />
        <SelectField
          label={t('myWork.status')}
          value={values.statusId}
          onChange={(value) => set('statusId', value)}
          options={statusOptions(statuses, locale)}
          emptyLabel={t('status.none')}
          errors={submit.fieldErrors('statusId')}
        />
      </FormFrame>
      {review && <RecommendationList reviewId={review.id} />}
      {review && <Attachments targetType="review" targetId={review.id} />}
      {review && (
        <div className="archive-row">
          <ArchiveButton
            entity={{ type: 'review', id: review.id }}
            name={review.title}
            onDone={() => navigate({ to: '/granskningar', search: {} })}
          />
        </div>
      )}
    </Page>
  );
}
