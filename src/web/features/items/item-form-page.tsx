import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { LoadFailed, Loading, Page } from '../../components/page.tsx';
import type { ConflictField } from '../../components/conflict-notice.tsx';
import { ArchiveButton } from '../../components/archive-button.tsx';
import { GoalsField, goalErrors } from '../../components/goals-field.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
import { InputField, SelectField, parseDateList } from '../../components/fields.tsx';
import { MarkdownField } from '../../components/markdown-field.tsx';
import { PersonsField } from '../../components/persons-field.tsx';
import {
  FrequencyField,
  ReportsToField,
  frequencyBody,
  frequencyText,
  frequencyValues,
  reportsToText,
  vocabularyRefText,
  type FrequencyValues,
} from '../../components/structured-fields.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { blankToNull } from '../../lib/format.ts';
import { deviationKeys, getDeviation, type Deviation } from '../../api/deviations.ts';
import {
  createAction,
  createControl,
  itemQueries,
  updateAction,
  updateControl,
  type Action,
  type Control,
  type ItemKind,
} from '../../api/items.ts';
import { invalidateItem } from '../../api/invalidation.ts';
import { planQueries, type Plan } from '../../api/plans.ts';
import { riskQueries, type Risk } from '../../api/risks.ts';
import { useEntityForm } from '../../lib/use-entity-form.ts';
import { unitFunctionQueries } from '../../api/unit-functions.ts';
import {
  useOrgUnits,
  useStatuses,
  useUsers,
  useVocabulary,
  statusOptions,
  vocabularyOptions,
  type VocabularyEntry,
} from '../../lib/reference-data.ts';
import type { ControlFrequency } from '../../../domain/control-frequency.ts';
import type { ReportRecipient } from '../../../domain/risk-response.ts';

interface ItemValues extends Record<string, unknown> {
  title: string;
  statusId: string;
  startDate: string;
  endDate: string;
  checkpoints: string;
  responsibleIds: string[];
  reportingIds: string[];
  description: string;
  methodId: string;
  responsibleFunctionId: string;
  scope: string;
  frequency: FrequencyValues;
  reportingTime: string;
  reportsTo: ReportRecipient[];
  whatToDo: string;
  measuresTaken: string;
  responsibleUnitId: string;
  goalIds: string[];
}

function toValues(item: Partial<Control & Action> | null): ItemValues {
  return {
    title: item?.title ?? '',
    statusId: item?.statusId ?? '',
    startDate: item?.startDate ?? '',
    endDate: item?.endDate ?? '',
    checkpoints: (item?.checkpoints ?? []).join('\n'),
    responsibleIds: item?.responsibleIds ?? [],
    reportingIds: item?.reportingIds ?? [],
    description: item?.description ?? '',
    methodId: item?.method?.id ?? '',
    responsibleFunctionId: item?.responsibleFunctionId ?? '',
    scope: item?.scope ?? '',
    frequency: frequencyValues(item?.frequency),
    reportingTime: item?.reportingTime ?? '',
    reportsTo: item?.reportsTo ?? [],
    whatToDo: item?.whatToDo ?? '',
    measuresTaken: item?.measuresTaken ?? '',
    responsibleUnitId: item?.responsibleUnitId ?? '',
    goalIds: item?.goalIds ?? [],
  };
}

function commonBody(values: ItemValues) {
  return {
    title: values.title,
    statusId: blankToNull(values.statusId),
    startDate: blankToNull(values.startDate),
    endDate: blankToNull(values.endDate),
    checkpoints: parseDateList(values.checkpoints),
    responsibleIds: values.responsibleIds,
    reportingIds: values.reportingIds,
  };
}

function controlBody(values: ItemValues) {
  return {
    ...commonBody(values),
    description: blankToNull(values.description),
    methodId: blankToNull(values.methodId),
    responsibleFunctionId: blankToNull(values.responsibleFunctionId),
    scope: blankToNull(values.scope),
    frequency: frequencyBody(values.frequency),
    reportingTime: blankToNull(values.reportingTime.trim()),
    reportsTo: values.reportsTo,
  };
}

function actionBody(values: ItemValues) {
  return {
    ...commonBody(values),
    whatToDo: blankToNull(values.whatToDo),
    measuresTaken: blankToNull(values.measuresTaken),
    responsibleUnitId: blankToNull(values.responsibleUnitId),
    goalIds: values.goalIds,
  };
}

/** Creates the item under its risk (an action may also stand without one) or changes it from `version`. */
function saveItem(
  kind: ItemKind,
  item: Control | Action | null,
  values: ItemValues,
  version: number | undefined,
  where: { planId: string; riskId: string | null; deviationId: string | null },
): Promise<Control | Action> {
  if (kind === 'control') {
    const body = controlBody(values);
    return item ? updateControl(item.id, { ...body, version }) : createControl({ ...body, riskId: where.riskId! });
  }
  const body = actionBody(values);
  return item
    ? updateAction(item.id, { ...body, version })
    : createAction({
        ...body,
        planId: where.planId,
        riskId: where.riskId,
        ...(where.deviationId === null ? {} : { deviationId: where.deviationId }),
      });
}

/**
 * Loads what the form needs: the item when changing one, the risk it belongs to, its plan, and
 * for an action made from an avvikelse (Skapa åtgärd) that deviation, which the action will answer.
 */
export function ItemFormPage({
  kind,
  itemId,
  riskId,
  deviationId,
}: {
  kind: ItemKind;
  itemId?: string;
  riskId?: string;
  deviationId?: string | undefined;
}) {
  const { t } = useI18n();
  const item = useQuery({ ...itemQueries.detail(kind, itemId ?? ''), enabled: itemId !== undefined });
  const deviation = useQuery({
    queryKey: deviationKeys.deviation(deviationId ?? ''),
    queryFn: ({ signal }) => getDeviation(deviationId!, signal),
    enabled: deviationId !== undefined,
  });
  const ownRiskId = riskId ?? item.data?.riskId ?? undefined;
  const riskQuery = useQuery({ ...riskQueries.detail(ownRiskId ?? ''), enabled: ownRiskId !== undefined });
  const planId = item.data?.planId ?? riskQuery.data?.planId;
  const planQuery = useQuery({ ...planQueries.detail(planId ?? ''), enabled: planId !== undefined });
  const users = useUsers();
  const statuses = useStatuses();
  const units = useOrgUnits();
  const title = itemId ? t(`itemForm.edit.${kind}`) : t(`itemForm.new.${kind}`);
  const error =
    item.error ?? deviation.error ?? riskQuery.error ?? planQuery.error ?? users.error ?? statuses.error ?? units.error;
  if (error)
    return (
      <Page title={title}>
        <LoadFailed error={error} />
      </Page>
    );
  if (
    (itemId && !item.data) ||
    (deviationId && !deviation.data) ||
    (ownRiskId && !riskQuery.data) ||
    !planQuery.data ||
    !users.data ||
    !statuses.data ||
    !units.data
  )
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  const key = item.data?.id ?? 'new';
  const props = {
    kind,
    title,
    item: item.data ?? null,
    risk: riskQuery.data ?? null,
    plan: planQuery.data,
    deviation: deviation.data ?? null,
  };
  return kind === 'control' ? (
    <ControlFormLists key={key} {...props} />
  ) : (
    <ItemForm key={key} {...props} methods={[]} />
  );
}

/** A control also offers the tenant's control methods for the plan's year. */
function ControlFormLists(props: Omit<ItemFormProps, 'methods'>) {
  const methods = useVocabulary('control_method', props.plan.startYear);
  if (methods.error)
    return (
      <Page title={props.title}>
        <LoadFailed error={methods.error} />
      </Page>
    );
  if (!methods.data)
    return (
      <Page title={props.title}>
        <Loading />
      </Page>
    );
  return <ItemForm {...props} methods={methods.data} />;
}

interface ItemFormProps {
  kind: ItemKind;
  title: string;
  item: Control | Action | null;
  risk: Risk | null;
  plan: Plan;
  methods: VocabularyEntry[];
  /** The avvikelse a new action answers: it gives the action its first title and text. */
  deviation: Deviation | null;
}

/** A new action made from a deviation starts from the deviation's title and description. */
function startValues(item: Control | Action | null, deviation: Deviation | null): ItemValues {
  const values = toValues(item as Partial<Control & Action> | null);
  if (item || !deviation) return values;
  return { ...values, title: deviation.title, whatToDo: deviation.description ?? '' };
}

function ItemForm({ kind, title, item, risk, plan, methods, deviation }: ItemFormProps) {
  const { t, locale, formatLocale } = useI18n();
  const planId = plan.id;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const users = useUsers().data!;
  const statuses = useStatuses().data!;
  const units = useOrgUnits().data!;
  const form = useEntityForm(startValues(item, deviation), item?.version);
  // Functions of the plan's unit and the units above it, to name one as kontrollansvarig.
  const functions = useQuery({ ...unitFunctionQueries.ofUnit(plan.unitId, true), enabled: kind === 'control' });
  const currentFunction = item && 'responsibleFunction' in item ? item.responsibleFunction : null;
  const functionOptions = [
    ...(functions.data ?? []).map((fn) => ({
      value: fn.id,
      label:
        [fn.name, units.find((unit) => unit.id === fn.unitId)?.name].filter(Boolean).join(', ') +
        (fn.currentHolder ? ` (${fn.currentHolder.userName})` : ''),
    })),
    ...(currentFunction && !(functions.data ?? []).some((fn) => fn.id === currentFunction.id)
      ? [{ value: currentFunction.id, label: currentFunction.name }]
      : []),
  ];
  const { values, set, submit } = form;
  const errors = submit.fieldErrors;

  async function send(formValues: ItemValues, version: number | undefined) {
    const saved = await saveItem(kind, item, formValues, version, {
      planId,
      riskId: risk?.id ?? null,
      deviationId: item ? null : (deviation?.id ?? null),
    });
    await invalidateItem(queryClient, { kind, id: saved.id, planId, riskId: risk?.id ?? null });
    if (!item && deviation) {
      // Back to the deviation, which now names the action that answers it.
      await queryClient.invalidateQueries({ queryKey: deviationKeys.all });
      await navigate({ to: '/avvikelser/$deviationId', params: { deviationId: deviation.id } });
    } else if (risk) await navigate({ to: '/risker/$riskId', params: { riskId: risk.id }, hash: `item-${saved.id}` });
    else
      await navigate({
        to: '/planer/$planId',
        params: { planId },
        search: { sannolikhet: undefined, konsekvens: undefined },
        hash: `item-${saved.id}`,
      });
  }

  const fields: ConflictField[] = [
    { key: 'title', label: t('itemForm.title') },
    ...(kind === 'control'
      ? [
          { key: 'description', label: t('itemForm.description') },
          { key: 'method', label: t('itemForm.method'), show: (ref: unknown) => vocabularyRefText(ref, locale) },
          { key: 'scope', label: t('controlForm.scope') },
          {
            key: 'frequency',
            label: t('itemForm.frequency'),
            show: (frequency: unknown) => frequencyText(frequency as ControlFrequency | null, t, formatLocale),
          },
          { key: 'reportingTime', label: t('controlForm.reportingTime') },
          {
            key: 'reportsTo',
            label: t('controlForm.reportsTo'),
            show: (recipients: unknown) => reportsToText(recipients as ReportRecipient[], t),
          },
        ]
      : [
          { key: 'whatToDo', label: t('itemForm.whatToDo') },
          { key: 'measuresTaken', label: t('itemForm.measuresTaken') },
        ]),
    {
      key: 'statusId',
      label: t('myWork.status'),
      show: (id) => statuses.find((status) => status.id === id)?.[locale === 'sv' ? 'labelSv' : 'labelEn'] ?? '–',
    },
    { key: 'startDate', label: t('item.start') },
    { key: 'endDate', label: t('myWork.endDate') },
    { key: 'checkpoints', label: t('item.checkpoints') },
    {
      key: 'responsibleIds',
      label: t('item.responsible'),
      show: (ids) => (ids as string[]).map((id) => users.find((user) => user.id === id)?.name ?? '–').join(', ') || '–',
    },
  ];

  return (
    <Page title={title}>
      {risk && <p className="lead">{t('itemForm.forRisk', { risk: risk.title })}</p>}
      {!item && deviation && <p className="notice">{t('itemForm.answersDeviation', { title: deviation.title })}</p>}
      <FormFrame form={form} send={send} base={item} conflictFields={fields} toValues={(current) => toValues(current)}>
        <InputField
          label={t('itemForm.title')}
          isRequired
          value={values.title}
          onChange={(value) => set('title', value)}
          errors={errors('title')}
        />
        {kind === 'control' ? (
          <>
            <MarkdownField
              label={t('itemForm.description')}
              value={values.description}
              onChange={(value) => set('description', value)}
              errors={errors('description')}
              rows={4}
            />
            <SelectField
              label={t('itemForm.method')}
              value={values.methodId}
              onChange={(value) => set('methodId', value)}
              options={vocabularyOptions(methods, locale, item && 'method' in item ? item.method : null)}
              emptyLabel={t('choice.none')}
              errors={errors('methodId')}
            />
            <SelectField
              label={t('unitFunctions.controlField')}
              description={t('unitFunctions.controlFieldHelp')}
              value={values.responsibleFunctionId}
              onChange={(value) => set('responsibleFunctionId', value)}
              options={functionOptions}
              emptyLabel={t('unitFunctions.noFunction')}
              errors={errors('responsibleFunctionId')}
            />
            <MarkdownField
              label={t('controlForm.scope')}
              description={t('controlForm.scopeHelp')}
              value={values.scope}
              onChange={(value) => set('scope', value)}
              errors={errors('scope')}
              rows={3}
            />
            <FrequencyField
              label={t('itemForm.frequency')}
              value={values.frequency}
              onChange={(value) => set('frequency', value)}
              span={{
                from: values.startDate || `${plan.startYear}-01-01`,
                to: values.endDate || `${plan.endYear}-12-31`,
              }}
              errors={[...(errors('frequency') ?? []), ...(errors('frequency.dates') ?? [])]}
            />
            <InputField
              label={t('controlForm.reportingTime')}
              description={t('controlForm.reportingTimeHelp')}
              value={values.reportingTime}
              onChange={(value) => set('reportingTime', value)}
              errors={errors('reportingTime')}
            />
            <ReportsToField
              label={t('controlForm.reportsTo')}
              value={values.reportsTo}
              onChange={(value) => set('reportsTo', value)}
              errors={errors('reportsTo')}
            />
          </>
        ) : (
          <>
            <MarkdownField
              label={t('itemForm.whatToDo')}
              value={values.whatToDo}
              onChange={(value) => set('whatToDo', value)}
              errors={errors('whatToDo')}
              rows={4}
            />
            <MarkdownField
              label={t('itemForm.measuresTaken')}
              value={values.measuresTaken}
              onChange={(value) => set('measuresTaken', value)}
              errors={errors('measuresTaken')}
            />
            <SelectField
              label={t('itemForm.responsibleUnit')}
              value={values.responsibleUnitId}
              onChange={(value) => set('responsibleUnitId', value)}
              options={units.map((unit) => ({ value: unit.id, label: unit.name }))}
              emptyLabel={t('itemForm.noUnit')}
              errors={errors('responsibleUnitId')}
            />
            <GoalsField
              unitId={plan.unitId}
              startYear={plan.startYear}
              endYear={plan.endYear}
              value={values.goalIds}
              onChange={(value) => set('goalIds', value)}
              errors={goalErrors(submit.error)}
              description={t('goals.actionGoalsHelp')}
            />
          </>
        )}
        <PersonsField
          label={t('item.responsible')}
          value={values.responsibleIds}
          onChange={(ids) => set('responsibleIds', ids)}
          persons={users}
          errors={errors('responsibleIds')}
        />
        <PersonsField
          label={t('itemForm.reporting')}
          value={values.reportingIds}
          onChange={(ids) => set('reportingIds', ids)}
          persons={users}
          errors={errors('reportingIds')}
        />
        <div className="field-row">
          <InputField
            label={t('item.start')}
            type="date"
            value={values.startDate}
            onChange={(value) => set('startDate', value)}
            errors={errors('startDate')}
          />
          <InputField
            label={t('myWork.endDate')}
            type="date"
            value={values.endDate}
            onChange={(value) => set('endDate', value)}
            errors={errors('endDate')}
          />
        </div>
        <label className="field">
          <span className="field-label">{t('item.checkpoints')}</span>
          <textarea
            className="field-input"
            rows={3}
            value={values.checkpoints}
            onChange={(event) => set('checkpoints', event.target.value)}
            aria-describedby="checkpoints-help"
          />
          <span id="checkpoints-help" className="field-description">
            {kind === 'control' ? t('controlForm.checkpointsHelp') : t('itemForm.checkpointsHelp')}
          </span>
          {errors('checkpoints')?.length ? (
            <span className="field-error">{errors('checkpoints')!.join(' ')}</span>
          ) : null}
        </label>
        <SelectField
          label={t('myWork.status')}
          value={values.statusId}
          onChange={(value) => set('statusId', value)}
          options={statusOptions(statuses, locale)}
          emptyLabel={t('status.none')}
          errors={errors('statusId')}
        />
      </FormFrame>
      {item && (
        <div className="archive-row">
          <ArchiveButton
            entity={{ type: kind, id: item.id }}
            name={item.title}
            onDone={() =>
              risk
                ? navigate({ to: '/risker/$riskId', params: { riskId: risk.id } })
                : navigate({
                    to: '/planer/$planId',
                    params: { planId },
                    search: { sannolikhet: undefined, konsekvens: undefined },
                  })
            }
          />
        </div>
      )}
    </Page>
  );
}
