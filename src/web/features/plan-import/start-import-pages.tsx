import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useState, type FormEvent, type ReactNode } from 'react';
import { PLAN_KINDS, type PlanKind } from '../../../domain/plan.ts';
import { invalidatePlanImport, invalidatePlanImportMappings } from '../../api/invalidation.ts';
import { readImportFile } from '../../api/org-import.ts';
import {
  createPlanImport,
  deleteImportMapping,
  planImportQueries,
  RUNNING_STATES,
  type PlanImportCreate,
  type PlanImportListItem,
} from '../../api/plan-imports.ts';
import { planQueries } from '../../api/plans.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { Field, InputField, SelectField } from '../../components/fields.tsx';
import { LoadFailed, Loading, Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ApiError } from '../../lib/api.ts';
import { canManageUnit, managedUnits } from '../../lib/can-manage.ts';
import { webYear } from '../../lib/clock.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useOrgUnits } from '../../lib/reference-data.ts';
import { useMe } from '../../lib/use-me.ts';
import { useSubmit } from '../../lib/use-submit.ts';

/** The files an import reads: Excel, CSV, Word, and text (read as CSV). */
const ACCEPTED = '.xlsx,.csv,.docx,.txt';

/** The kind choice "let the file decide". */
const AUTO = 'auto';

/** A refusal made here before anything is sent, in the shape the server's would have. */
function fileProblem(title: string, message: string): ApiError {
  return new ApiError({ type: 'about:blank', title, status: 400, errors: [{ path: 'content', message }] });
}

/** Importing into one plan: reached from the plan's page by those who may change its unit's plans. */
export function PlanImportStartPage() {
  const { planId } = useParams({ from: '/planer/$planId/importera' });
  return <PlanImportStart planId={planId} />;
}

/** The start of an import into the plan (the route's screen, given the plan's id). */
export function PlanImportStart({ planId }: { planId: string }) {
  const { t } = useI18n();
  const plan = useQuery(planQueries.detail(planId));
  const me = useMe();
  const units = useOrgUnits();
  const error = plan.error ?? me.error ?? units.error;
  if (error)
    return (
      <Page title={t('planImport.titleOrg')}>
        <LoadFailed error={error} />
      </Page>
    );
  if (!plan.data || !me.data || !units.data)
    return (
      <Page title={t('planImport.titleOrg')}>
        <Loading />
      </Page>
    );
  const target = plan.data;
  return (
    <Page title={t('planImport.titlePlan', { plan: target.title })}>
      <p className="lead">{t('planImport.introPlan')}</p>
      {canManageUnit(me.data, units.data, target.unitId) ? (
        <StartForm target={{ planId: target.id }} />
      ) : (
        <p className="notice">{t('planImport.notManager')}</p>
      )}
      <RecentImports planId={target.id} />
    </Page>
  );
}

/** Importing a plan for a unit and a year: the file may create the plan. */
export function OrgPlanImportPage() {
  const { enhet } = useSearch({ from: '/organisation/importera' });
  return <OrgPlanImport unitId={enhet} />;
}

/** The start of an import for a unit and year (the route's screen, given the unit chosen first, if any). */
export function OrgPlanImport({ unitId: enhet }: { unitId?: string | undefined }) {
  const { t } = useI18n();
  const me = useMe();
  const units = useOrgUnits();
  const error = me.error ?? units.error;
  const title = t('planImport.titleOrg');
  if (error)
    return (
      <Page title={title}>
        <LoadFailed error={error} />
      </Page>
    );
  if (!me.data || !units.data)
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  const managed = managedUnits(me.data, units.data);
  return (
    <Page title={title}>
      <p className="lead">{t('planImport.introOrg')}</p>
      {managed.length === 0 ? (
        <p className="notice">{t('planImport.noUnits')}</p>
      ) : (
        <UnitYearForm
          units={managed}
          initialUnitId={managed.some((unit) => unit.id === enhet) ? enhet! : managed[0]!.id}
        />
      )}
      <RecentImports />
    </Page>
  );
}

function UnitYearForm({ units, initialUnitId }: { units: { id: string; name: string }[]; initialUnitId: string }) {
  const { t } = useI18n();
  const [unitId, setUnitId] = useState(initialUnitId);
  const [year, setYear] = useState(String(webYear()));
  const [kind, setKind] = useState<PlanKind | typeof AUTO>(AUTO);
  return (
    <StartForm
      target={{ unitId, year: Number(year), ...(kind === AUTO ? {} : { kind }) }}
      before={(errors) => (
        <>
          <SelectField
            label={t('planImport.unit')}
            value={unitId}
            onChange={setUnitId}
            options={units.map((unit) => ({ value: unit.id, label: unit.name }))}
            errors={errors('unitId')}
            isRequired
          />
          <InputField
            label={t('planImport.year')}
            type="number"
            inputMode="numeric"
            value={year}
            onChange={setYear}
            errors={errors('year')}
            isRequired
          />
          <fieldset className="fieldset">
            <legend className="field-label">{t('planImport.kind')}</legend>
            {[...PLAN_KINDS, AUTO].map((option) => (
              <label key={option} className="checkbox">
                <input
                  type="radio"
                  name="plan-import-kind"
                  value={option}
                  checked={kind === option}
                  onChange={() => setKind(option as PlanKind | typeof AUTO)}
                />{' '}
                {option === AUTO ? t('planImport.kind.auto') : t(`planKind.${option as PlanKind}`)}
              </label>
            ))}
          </fieldset>
        </>
      )}
    />
  );
}

type Target = Omit<PlanImportCreate, 'fileName' | 'content' | 'mappingId'>;

/**
 * The file (and, optionally, a saved column mapping); sending it starts the import, and the
 * import's own page takes over.
 */
function StartForm({
  target,
  before,
}: {
  target: Target;
  before?: (errors: (path: string) => string[] | undefined) => ReactNode;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const submit = useSubmit();
  const mappings = useQuery(planImportQueries.mappings());
  const [file, setFile] = useState<File | null>(null);
  const [mappingId, setMappingId] = useState('');

  function start(event: FormEvent) {
    event.preventDefault();
    void submit.run(async () => {
      if (!file) throw fileProblem(t('planImport.cannotStart'), t('planImport.chooseFile'));
      let read;
      try {
        read = await readImportFile(file);
      } catch {
        throw fileProblem(t('planImport.cannotStart'), t('planImport.unreadable'));
      }
      const created = await createPlanImport({ ...target, ...read, ...(mappingId ? { mappingId } : {}) });
      await invalidatePlanImport(queryClient, created.id);
      queryClient.setQueryData(planImportQueries.detail(created.id).queryKey, created);
      await navigate({ to: '/importer/$importId', params: { importId: created.id } });
    });
  }

  const fileErrors = [...(submit.fieldErrors('content') ?? []), ...(submit.fieldErrors('fileName') ?? [])];
  const saved = mappings.data ?? [];
  return (
    <>
      <ErrorSummary error={submit.error} />
      <form className="form" noValidate onSubmit={start}>
        {before?.((path) => submit.fieldErrors(path))}
        <Field
          label={t('planImport.file')}
          description={t('planImport.fileHelp')}
          errors={fileErrors.length > 0 ? fileErrors : undefined}
          isRequired
        >
          {(ids) => (
            <input
              {...ids}
              className="field-input"
              type="file"
              accept={ACCEPTED}
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        {saved.length > 0 && (
          <SelectField
            label={t('planImport.mapping')}
            description={t('planImport.mappingHelp')}
            value={mappingId}
            onChange={setMappingId}
            emptyLabel={t('planImport.mapping.none')}
            options={saved.map((mapping) => ({ value: mapping.id, label: mapping.name }))}
            errors={submit.fieldErrors('mappingId')}
          />
        )}
        <button type="submit" className="button button-primary">
          {submit.pending ? t('planImport.uploading') : t('planImport.upload')}
        </button>
      </form>
      {saved.length > 0 && <SavedMappings mappings={saved} />}
    </>
  );
}

/** The organisation's saved column mappings, each of which can be removed. */
function SavedMappings({ mappings }: { mappings: { id: string; name: string }[] }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const submit = useSubmit();
  function remove(id: string) {
    void submit.run(async () => {
      await deleteImportMapping(id);
      await invalidatePlanImportMappings(queryClient);
    });
  }
  return (
    <details className="section import-mapping-details">
      <summary>{t('planImport.savedMappings')}</summary>
      <ErrorSummary error={submit.error} />
      <ul className="plain-list import-recent">
        {mappings.map((mapping) => (
          <li key={mapping.id}>
            {mapping.name}{' '}
            <button type="button" className="button button-quiet" onClick={() => remove(mapping.id)}>
              {t('planImport.removeMapping')}
              <span className="visually-hidden"> {mapping.name}</span>
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** "Pågående och senaste importer": the person's imports (of one plan, on its page), each leading to its own page. */
function RecentImports({ planId }: { planId?: string }) {
  const { t, formatLocale } = useI18n();
  const list = useQuery(planImportQueries.list());
  const items = (list.data ?? [])
    .filter((item: PlanImportListItem) => planId === undefined || item.plan?.id === planId)
    .slice(0, 10);
  return (
    <section aria-labelledby="recent-imports-heading" className="section">
      <h2 id="recent-imports-heading">{t('planImport.recent')}</h2>
      {list.error ? (
        <LoadFailed error={list.error} retry={() => void list.refetch()} />
      ) : !list.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <p>{t('planImport.noRecent')}</p>
      ) : (
        <ul className="plain-list import-recent">
          {items.map((item) => {
            const running = RUNNING_STATES.includes(item.state) && item.progress;
            const state = t(`planImport.state.${item.state}`) + (running ? ` (${item.progress!.percent} %)` : '');
            return (
              <li key={item.id}>
                <Link to="/importer/$importId" params={{ importId: item.id }} className="import-file-name">
                  {item.fileName}
                </Link>{' '}
                <span className="muted">
                  {t('planImport.recentMeta', {
                    unit: item.unit.name,
                    year: item.year,
                    state,
                    when: formatDateTime(item.createdAt, formatLocale),
                  })}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
