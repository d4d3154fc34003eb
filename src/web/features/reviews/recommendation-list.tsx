import { useQuery, useQueryClient } from '@tanstack/react-query';
import { AttachmentsDisclosure } from '../../components/attachments.tsx';
import { LoadFailed, Loading } from '../../components/page.tsx';
import { InputField, SelectField } from '../../components/fields.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
import { MarkdownField } from '../../components/markdown-field.tsx';
import { MarkdownText } from '../../components/markdown-text.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { unitOptions } from '../../components/unit-filter.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  addRecommendationAddressee,
  createRecommendation,
  recommendationQueries,
  updateRecommendation,
  updateRecommendationAddressee,
  type Recommendation,
  type RecommendationAddressee,
} from '../../api/recommendations.ts';
import { invalidateRecommendation } from '../../api/invalidation.ts';
import { canAnswerForUnit } from '../../lib/can-manage.ts';
import { blankToNull, formatDate } from '../../lib/format.ts';
import { byId, statusOptions, useOrgUnits, useStatuses } from '../../lib/reference-data.ts';
import { useEntityForm } from '../../lib/use-entity-form.ts';
import { useMe } from '../../lib/use-me.ts';

type Level = 3 | 4;

const toValues = (entry: Partial<Recommendation> | null) => ({
  number: entry?.number ?? '',
  recommendedBy: entry?.recommendedBy ?? '',
  recommendation: entry?.recommendation ?? '',
  answer: entry?.answer ?? '',
  answeredOn: entry?.answeredOn ?? '',
  actionsTaken: entry?.actionsTaken ?? '',
  dueDate: entry?.dueDate ?? '',
  statusId: entry?.statusId ?? '',
});

const toAnswerValues = (entry: Partial<RecommendationAddressee>) => ({
  answer: entry.answer ?? '',
  answeredOn: entry.answeredOn ?? '',
  actionsTaken: entry.actionsTaken ?? '',
  dueDate: entry.dueDate ?? '',
  statusId: entry.statusId ?? '',
});

/**
 * A review's recommendations (its own or the auditors'), numbered, with their sub-recommendations
 * under them, each followed from the answer of every nämnd it is addressed to until done. The
 * review's unit's managers (`canManage`) maintain them; an addressed nämnd writes its own answer.
 */
export function RecommendationList({ reviewId, canManage }: { reviewId: string; canManage: boolean }) {
  const { t } = useI18n();
  const list = useQuery(recommendationQueries.ofReview(reviewId));
  const units = useOrgUnits();
  const error = list.error ?? units.error;
  return (
    <section aria-labelledby="recommendations-heading" className="section">
      <h2 id="recommendations-heading">{t('recommendations.title')}</h2>
      <p>{t('recommendations.intro')}</p>
      {error ? (
        <LoadFailed error={error} retry={() => void list.refetch()} />
      ) : !list.data || !units.data ? (
        <Loading />
      ) : (
        <ol className="item-list">
          {list.data
            .filter((entry) => entry.parentId === null)
            .map((entry, index) => {
              const number = entry.number ?? String(index + 1);
              const name = t('recommendations.number', { number });
              const parts = list.data.filter((part) => part.parentId === entry.id);
              return (
                <li key={`${entry.id}:${entry.version}`} className="item-card">
                  <RecommendationEntry reviewId={reviewId} entry={entry} name={name} level={3} canManage={canManage} />
                  {parts.length > 0 && (
                    <ol className="item-list" aria-label={t('recommendations.parts', { name })}>
                      {parts.map((part, partIndex) => (
                        <li key={`${part.id}:${part.version}`} className="item-card">
                          <RecommendationEntry
                            reviewId={reviewId}
                            entry={part}
                            name={t('recommendations.number', { number: part.number ?? `${number}.${partIndex + 1}` })}
                            level={4}
                            canManage={canManage}
                          />
                        </li>
                      ))}
                    </ol>
                  )}
                  {canManage && (
                    <details>
                      <summary>{t('recommendations.newPart', { name })}</summary>
                      <RecommendationForm
                        reviewId={reviewId}
                        entry={null}
                        parentId={entry.id}
                        name={t('recommendations.newPart', { name })}
                        level={4}
                        withHeading={false}
                      />
                    </details>
                  )}
                </li>
              );
            })}
          {canManage && (
            <li className="item-card">
              <RecommendationForm
                reviewId={reviewId}
                entry={null}
                parentId={null}
                name={t('recommendations.new')}
                level={3}
              />
            </li>
          )}
        </ol>
      )}
    </section>
  );
}

function Heading({ level, children }: { level: Level | 5 | 6; children: string }) {
  const Tag = `h${level}` as const;
  return <Tag>{children}</Tag>;
}

function RecommendationEntry({
  reviewId,
  entry,
  name,
  level,
  canManage,
}: {
  reviewId: string;
  entry: Recommendation;
  name: string;
  level: Level;
  canManage: boolean;
}) {
  return (
    <>
      {canManage ? (
        <RecommendationForm reviewId={reviewId} entry={entry} parentId={entry.parentId} name={name} level={level} />
      ) : (
        <RecommendationView entry={entry} name={name} level={level} />
      )}
      <Addressees reviewId={reviewId} entry={entry} name={name} level={level} canManage={canManage} />
      <AttachmentsDisclosure targetType="recommendation" targetId={entry.id} name={name} level={(level + 1) as 4 | 5} />
    </>
  );
}

/** A recommendation as those who read it see it. */
function RecommendationView({ entry, name, level }: { entry: Recommendation; name: string; level: Level }) {
  const { t, formatLocale } = useI18n();
  const statuses = useStatuses().data ?? [];
  const status = byId(statuses).get(entry.statusId ?? '');
  return (
    <>
      <Heading level={level}>{name}</Heading>
      <MarkdownText text={entry.recommendation} />
      <dl className="facts facts-compact">
        <div>
          <dt>{t('recommendations.recommendedBy')}</dt>
          <dd>{entry.recommendedBy ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('recommendations.dueDate')}</dt>
          <dd>{formatDate(entry.dueDate, formatLocale)}</dd>
        </div>
        <div>
          <dt>{t('myWork.status')}</dt>
          <dd>
            <StatusBadge status={status} />
          </dd>
        </div>
      </dl>
      {entry.answer && (
        <>
          <Heading level={(level + 1) as 4 | 5}>{t('recommendations.answer')}</Heading>
          <MarkdownText text={entry.answer} />
        </>
      )}
    </>
  );
}

function RecommendationForm({
  reviewId,
  entry,
  parentId,
  name,
  level,
  withHeading = true,
}: {
  reviewId: string;
  entry: Recommendation | null;
  parentId: string | null;
  name: string;
  level: Level;
  /** False where something else names the form already (the summary it opens from). */
  withHeading?: boolean;
}) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const statuses = useStatuses().data ?? [];
  const form = useEntityForm(toValues(entry), entry?.version);
  const { values, set, submit } = form;
  async function send(formValues: typeof values, version: number | undefined) {
    const body = {
      number: blankToNull(formValues.number),
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
      : await createRecommendation({ ...body, reviewId, parentId });
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
      submitLabel={
        entry ? t('recommendations.save', { name }) : parentId ? t('recommendations.addPart') : t('recommendations.add')
      }
      className="form"
    >
      {withHeading && <Heading level={level}>{name}</Heading>}
      <div className="field-row">
        <InputField
          label={t('recommendations.numberField')}
          description={t('recommendations.numberHelp')}
          value={values.number}
          onChange={(value) => set('number', value)}
          errors={submit.fieldErrors('number')}
        />
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
      {entry && entry.addressees.length === 0 && (
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

/** The nämnder a recommendation is addressed to, each with its own answer; and a form to address one more. */
function Addressees({
  reviewId,
  entry,
  name,
  level,
  canManage,
}: {
  reviewId: string;
  entry: Recommendation;
  name: string;
  level: Level;
  canManage: boolean;
}) {
  const { t } = useI18n();
  const units = useOrgUnits().data ?? [];
  const me = useMe().data;
  const unitById = byId(units);
  if (entry.addressees.length === 0 && !canManage) return null;
  const headingLevel = (level + 1) as 4 | 5;
  return (
    <div className="section" role="group" aria-label={t('recommendations.addresseesOf', { name })}>
      <Heading level={headingLevel}>{t('recommendations.addressees')}</Heading>
      {entry.addressees.length === 0 ? (
        <p>{t('recommendations.noAddressees')}</p>
      ) : (
        <ul className="item-list">
          {entry.addressees.map((addressee) => {
            const unit = unitById.get(addressee.unitId)?.name ?? '–';
            const mayAnswer = canManage || canAnswerForUnit(me, units, addressee.unitId);
            return (
              <li key={`${addressee.id}:${addressee.version}`}>
                {mayAnswer ? (
                  <AnswerForm
                    reviewId={reviewId}
                    addressee={addressee}
                    unit={unit}
                    level={(headingLevel + 1) as 5 | 6}
                  />
                ) : (
                  <AnswerView addressee={addressee} unit={unit} level={(headingLevel + 1) as 5 | 6} />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {canManage && (
        <AddAddresseeForm reviewId={reviewId} entry={entry} name={name} taken={entry.addressees.map((a) => a.unitId)} />
      )}
    </div>
  );
}

function AnswerView({ addressee, unit, level }: { addressee: RecommendationAddressee; unit: string; level: 5 | 6 }) {
  const { t, formatLocale } = useI18n();
  const statuses = useStatuses().data ?? [];
  return (
    <>
      <Heading level={level}>{unit}</Heading>
      <dl className="facts facts-compact">
        <div>
          <dt>{t('recommendations.answeredOn')}</dt>
          <dd>{formatDate(addressee.answeredOn, formatLocale)}</dd>
        </div>
        <div>
          <dt>{t('recommendations.dueDate')}</dt>
          <dd>{formatDate(addressee.dueDate, formatLocale)}</dd>
        </div>
        <div>
          <dt>{t('myWork.status')}</dt>
          <dd>
            <StatusBadge status={byId(statuses).get(addressee.statusId ?? '')} />
          </dd>
        </div>
      </dl>
      {addressee.answer ? <MarkdownText text={addressee.answer} /> : <p>{t('recommendations.notAnswered')}</p>}
      {addressee.actionsTaken && (
        <>
          <p>
            <strong>{t('recommendations.actionsTaken')}</strong>
          </p>
          <MarkdownText text={addressee.actionsTaken} />
        </>
      )}
    </>
  );
}

function AnswerForm({
  reviewId,
  addressee,
  unit,
  level,
}: {
  reviewId: string;
  addressee: RecommendationAddressee;
  unit: string;
  level: 5 | 6;
}) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const statuses = useStatuses().data ?? [];
  const form = useEntityForm(toAnswerValues(addressee), addressee.version);
  const { values, set, submit } = form;
  async function send(formValues: typeof values, version: number | undefined) {
    await updateRecommendationAddressee(addressee.id, {
      version,
      answer: blankToNull(formValues.answer),
      answeredOn: blankToNull(formValues.answeredOn),
      actionsTaken: blankToNull(formValues.actionsTaken),
      dueDate: blankToNull(formValues.dueDate),
      statusId: blankToNull(formValues.statusId),
    });
    await invalidateRecommendation(queryClient, { reviewId, id: addressee.recommendationId });
  }
  return (
    <FormFrame
      form={form}
      send={send}
      base={addressee}
      conflictFields={[
        { key: 'answer', label: t('recommendations.answer') },
        { key: 'actionsTaken', label: t('recommendations.actionsTaken') },
      ]}
      toValues={(current) => toAnswerValues(current)}
      submitLabel={t('recommendations.saveAnswer', { unit })}
      className="form"
    >
      <Heading level={level}>{unit}</Heading>
      <div className="field-row">
        <InputField
          label={t('recommendations.answeredOn')}
          type="date"
          value={values.answeredOn}
          onChange={(value) => set('answeredOn', value)}
          errors={submit.fieldErrors('answeredOn')}
        />
        <InputField
          label={t('recommendations.dueDate')}
          type="date"
          value={values.dueDate}
          onChange={(value) => set('dueDate', value)}
          errors={submit.fieldErrors('dueDate')}
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
    </FormFrame>
  );
}

function AddAddresseeForm({
  reviewId,
  entry,
  name,
  taken,
}: {
  reviewId: string;
  entry: Recommendation;
  name: string;
  taken: string[];
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const units = useOrgUnits().data ?? [];
  const form = useEntityForm({ unitId: '' }, undefined);
  const { values, set, submit } = form;
  async function send(formValues: typeof values) {
    await addRecommendationAddressee(entry.id, { unitId: formValues.unitId });
    await invalidateRecommendation(queryClient, { reviewId, id: entry.id });
    form.reset({ unitId: '' });
  }
  return (
    <FormFrame form={form} send={send} base={null} submitLabel={t('recommendations.addAddressee')} className="form">
      <SelectField
        label={`${t('recommendations.addressee')} (${name})`}
        isRequired
        value={values.unitId}
        onChange={(value) => set('unitId', value)}
        options={unitOptions(units.filter((unit) => !taken.includes(unit.id)))}
        emptyLabel="–"
        errors={submit.fieldErrors('unitId')}
      />
    </FormFrame>
  );
}
