import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
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
import { byId, useOrgUnits, useStatuses, statusOptions } from '../../lib/reference-data.ts';
import { canManageUnit } from '../../lib/can-manage.ts';
import { formatDate } from '../../lib/format.ts';
import { useMe } from '../../lib/use-me.ts';
import { MarkdownText } from '../../components/markdown-text.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
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
  followsUpReviewId: entry?.followsUpReviewId ?? '',
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
  const units = useOrgUnits();
  const me = useMe();
  // A unit a recommendation is addressed to reads the review without managing it (nor reading its plan).
  const readOnly =
    existing.data !== undefined && me.data !== undefined && !canManageUnit(me.data, units.data, existing.data.unitId);
  const risks = useQuery({
    ...riskQueries.list({ planId: ownPlanId, sort: 'sortOrder' }),
    enabled: ownPlanId !== undefined && !readOnly && (reviewId === undefined || me.data !== undefined),
  });
  const others = useQuery({ ...reviewQueries.list({ sort: 'title' }), enabled: !readOnly });
  const statuses = useStatuses();
  if (readOnly && existing.data) return <ReviewView review={existing.data} />;
  const title = reviewId ? t('reviewForm.edit') : t('reviewForm.new');
  const error = existing.error ?? risks.error ?? units.error ?? statuses.error ?? others.error ?? me.error;
  if (error)
    return (
      <Page title={title}>
        <LoadFailed error={error} />
      </Page>
    );
  if ((reviewId && !existing.data) || !risks.data || !units.data || !statuses.data || !others.data || !ownPlanId)
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
      others={others.data.filter((other) => other.id !== reviewId)}
    />
  );
}

function ReviewForm({
  title,
  planId,
  review,
  risks,
  others,
}: {
  title: string;
  planId: string;
  review: Review | null;
  risks: Risk[];
  others: Review[];
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
      followsUpReviewId: blankToNull(formValues.followsUpReviewId),
    };
    const saved = review
      ? await updateReview(review.id, { ...body, version })
      : await createReview({ ...body, planId });
    await invalidateReview(queryClient, { id: saved.id, planId, riskIds: [review?.riskId, saved.riskId] });
    await navigate({ to: '/granskningar', search: {} });
  }

  return (
    <Page title={title}>
      {review && <ReviewLinks review={review} />}
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
        <SelectField
          label={t('reviewForm.followsUp')}
          description={t('reviewForm.followsUpHelp')}
          value={values.followsUpReviewId}
          onChange={(value) => set('followsUpReviewId', value)}
          options={others.map((other) => ({
            value: other.id,
            label: other.diarienummer ? `${other.title} (${other.diarienummer})` : other.title,
          }))}
          emptyLabel={t('reviewForm.noFollowsUp')}
          errors={submit.fieldErrors('followsUpReviewId')}
        />
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
      {review && <RecommendationList reviewId={review.id} canManage />}
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

/** The review this one follows up, and the reviews that follow it up, as links. */
export function ReviewLinks({ review }: { review: Review }) {
  const { t } = useI18n();
  if (!review.followsUpReview && review.followUpReviews.length === 0) return null;
  const link = (target: { id: string; title: string }) => (
    <Link to="/granskningar/$reviewId/redigera" params={{ reviewId: target.id }}>
      {target.title}
    </Link>
  );
  return (
    <dl className="facts facts-compact">
      {review.followsUpReview && (
        <div>
          <dt>{t('reviews.followsUp')}</dt>
          <dd>{link(review.followsUpReview)}</dd>
        </div>
      )}
      {review.followUpReviews.length > 0 && (
        <div>
          <dt>{t('reviews.followedUpBy')}</dt>
          <dd>
            <ul className="plain-list">
              {review.followUpReviews.map((other) => (
                <li key={other.id}>{link(other)}</li>
              ))}
            </ul>
          </dd>
        </div>
      )}
    </dl>
  );
}

/** A review as a unit its recommendations are addressed to sees it: read, with the answers it may write. */
function ReviewView({ review }: { review: Review }) {
  const { t, formatLocale } = useI18n();
  const statuses = useStatuses().data ?? [];
  return (
    <Page title={review.title}>
      <ReviewLinks review={review} />
      <dl className="facts facts-compact">
        <div>
          <dt>{t('plan.diarienummer')}</dt>
          <dd>{review.diarienummer ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('reviews.meeting')}</dt>
          <dd>{formatDate(review.meetingDate, formatLocale)}</dd>
        </div>
        <div>
          <dt>{t('plan.paragraph')}</dt>
          <dd>{review.decisionParagraph ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('myWork.status')}</dt>
          <dd>
            <StatusBadge status={byId(statuses).get(review.statusId ?? '')} />
          </dd>
        </div>
      </dl>
      {review.findings && (
        <section aria-labelledby="findings-heading" className="section">
          <h2 id="findings-heading">{t('reviews.findings')}</h2>
          <MarkdownText text={review.findings} />
        </section>
      )}
      <RecommendationList reviewId={review.id} canManage={false} />
    </Page>
  );
}
