import { useQuery, useQueryClient } from '@tanstack/react-query';
import { LoadFailed, Loading } from '../../components/page.tsx';
import { InputField, SelectField } from '../../components/fields.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
import { MarkdownField } from '../../components/markdown-field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  createRecommendation,
  recommendationQueries,
  updateRecommendation,
  type Recommendation,
} from '../../api/recommendations.ts';
import { invalidateRecommendation } from '../../api/invalidation.ts';
import { blankToNull } from '../../lib/format.ts';
import { statusOptions, useStatuses } from '../../lib/reference-data.ts';
import { useEntityForm } from '../../lib/use-entity-form.ts';

const toValues = (entry: Partial<Recommendation> | null) => ({
  recommendedBy: entry?.recommendedBy ?? '',
  recommendation: entry?.recommendation ?? '',
  answer: entry?.answer ?? '',
  answeredOn: entry?.answeredOn ?? '',
  actionsTaken: entry?.actionsTaken ?? '',
  dueDate: entry?.dueDate ?? '',
  statusId: entry?.statusId ?? '',
});

/** A review's recommendations (its own or the auditors'), each followed from the nämnd's answer to done. */
export function RecommendationList({ reviewId }: { reviewId: string }) {
  const { t } = useI18n();
  const list = useQuery(recommendationQueries.ofReview(reviewId));
  return (
    <section aria-labelledby="recommendations-heading" className="section">
      <h2 id="recommendations-heading">{t('recommendations.title')}</h2>
      <p>{t('recommendations.intro')}</p>
      {list.error ? (
        <LoadFailed error={list.error} retry={() => void list.refetch()} />
      ) : !list.data ? (
        <Loading />
      ) : (
        <ul className="item-list">
          {list.data.map((entry, index) => (
            <li key={`${entry.id}:${entry.version}`} className="item-card">
              <RecommendationForm reviewId={reviewId} entry={entry} number={index + 1} />
            </li>
          ))}
          <li className="item-card">
            <RecommendationForm reviewId={reviewId} entry={null} number={list.data.length + 1} />
          </li>
        </ul>
      )}
    </section>
  );
}

function RecommendationForm({
  reviewId,
  entry,
  number,
}: {
  reviewId: string;
  entry: Recommendation | null;
  number: number;
}) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const statuses = useStatuses().data ?? [];
  const form = useEntityForm(toValues(entry), entry?.version);
  const { values, set, submit } = form;
  const name = entry ? t('recommendations.number', { number }) : t('recommendations.new');
  async function send(formValues: typeof values, version: number | undefined) {
    const body = {
      recommendedBy: blankToNull(formValues.recommendedBy),
      recommendation: formValues.recommendation,
      answer: blankToNull(formValues.answer),
      answeredOn: blankToNull(formValues.answeredOn),
      actionsTaken: blankToNull(formValues.actionsTaken),
      dueDate: blankToNull(formValues.dueDate),
      statusId: blankToNull(formValues.statusId),
    };
    const saved = entry
      ? await updateRecommendation(entry.id, { ...body, version })
      : await createRecommendation({ ...body, reviewId });
    await invalidateRecommendation(queryClient, { reviewId, id: saved.id });
    if (!entry) form.reset(toValues(null));
  }
  return (
    <FormFrame
      form={form}
      send={send}
      base={entry}
      conflictFields={[
        { key: 'answer', label: t('recommendations.answer') },
        { key: 'actionsTaken', label: t('recommendations.actionsTaken') },
      ]}
      toValues={(current) => toValues(current)}
      submitLabel={entry ? t('recommendations.save', { name }) : t('recommendations.add')}
      className="form"
    >
      <h3>{name}</h3>
      <div className="field-row">
        <InputField
          label={t('recommendations.recommendedBy')}
          description={t('recommendations.recommendedByHelp')}
          value={values.recommendedBy}
          onChange={(value) => set('recommendedBy', value)}
          errors={submit.fieldErrors('recommendedBy')}
        />
        <InputField
          label={t('recommendations.dueDate')}
          type="date"
          value={values.dueDate}
          onChange={(value) => set('dueDate', value)}
          errors={submit.fieldErrors('dueDate')}
        />
      </div>
      <MarkdownField
        label={t('recommendations.recommendation')}
        isRequired
        rows={3}
        value={values.recommendation}
        onChange={(value) => set('recommendation', value)}
        errors={submit.fieldErrors('recommendation')}
      />
      {entry && (
        <>
          <div className="field-row">
            <InputField
              label={t('recommendations.answeredOn')}
              type="date"
              value={values.answeredOn}
              onChange={(value) => set('answeredOn', value)}
              errors={submit.fieldErrors('answeredOn')}
            />
            <SelectField
              label={t('myWork.status')}
              value={values.statusId}
              onChange={(value) => set('statusId', value)}
              options={statusOptions(statuses, locale)}
              emptyLabel={t('status.none')}
              errors={submit.fieldErrors('statusId')}
            />
          </div>
          <MarkdownField
            label={t('recommendations.answer')}
            rows={3}
            value={values.answer}
            onChange={(value) => set('answer', value)}
            errors={submit.fieldErrors('answer')}
          />
          <MarkdownField
            label={t('recommendations.actionsTaken')}
            rows={3}
            value={values.actionsTaken}
            onChange={(value) => set('actionsTaken', value)}
            errors={submit.fieldErrors('actionsTaken')}
          />
        </>
      )}
    </FormFrame>
  );
}
