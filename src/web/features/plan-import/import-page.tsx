import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { invalidatePlanImport, invalidatePlanImportDone } from '../../api/invalidation.ts';
import { cancelPlanImport, planImportQueries, type PlanImport } from '../../api/plan-imports.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { LoadFailed, Loading, Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { countsText } from './import-texts.ts';
import { MappingStep } from './mapping-step.tsx';
import { ImportPreview } from './import-preview.tsx';

/**
 * One plan import, in whatever state it is: read (with its progress), waiting for its columns,
 * previewed and waiting for confirmation, written, failed or cancelled. The page asks the server
 * again every second while it works, so a person may leave and come back to it.
 */
export function ImportPage() {
  const { importId } = useParams({ from: '/importer/$importId' });
  return <PlanImportScreen importId={importId} />;
}

/** The import's page for one import (the route's screen, given its id). */
export function PlanImportScreen({ importId }: { importId: string }) {
  const { t } = useI18n();
  const query = useQuery(planImportQueries.detail(importId));
  if (query.error)
    return (
      <Page title={t('planImport.titleImport')}>
        <LoadFailed error={query.error} retry={() => void query.refetch()} />
      </Page>
    );
  if (!query.data)
    return (
      <Page title={t('planImport.titleImport')}>
        <Loading />
      </Page>
    );
  return <ImportView item={query.data} />;
}

function ImportView({ item }: { item: PlanImport }) {
  const { t, formatLocale } = useI18n();
  const queryClient = useQueryClient();
  const cancel = useSubmit();

  // Once written, the plan and everything in it are fetched again (once per import seen done).
  const refreshed = useRef<string | null>(null);
  useEffect(() => {
    if (item.state === 'done' && item.result && refreshed.current !== item.id) {
      refreshed.current = item.id;
      void invalidatePlanImportDone(queryClient, item.result.planId);
    }
  }, [item, queryClient]);

  const cancellable = item.state === 'reading' || item.state === 'mapping' || item.state === 'ready';
  function cancelImport() {
    void cancel.run(async () => {
      await cancelPlanImport(item.id);
      await invalidatePlanImport(queryClient, item.id);
    });
  }

  return (
    <Page title={t('planImport.titleImport')}>
      <dl className="facts">
        <div>
          <dt>{t('planImport.facts.file')}</dt>
          <dd className="import-file-name">{item.fileName}</dd>
        </div>
        <div>
          <dt>{t('planImport.facts.unit')}</dt>
          <dd>{item.unit.name}</dd>
        </div>
        <div>
          <dt>{t('planImport.facts.plan')}</dt>
          <dd>
            {item.plan ? (
              <Link
                to="/planer/$planId"
                params={{ planId: item.plan.id }}
                search={{ sannolikhet: undefined, konsekvens: undefined }}
              >
                {item.plan.title}
              </Link>
            ) : (
              t('planImport.facts.newPlan')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('planImport.facts.year')}</dt>
          <dd>{item.year}</dd>
        </div>
        <div>
          <dt>{t('planImport.facts.kind')}</dt>
          <dd>{t(`planKind.${item.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('planImport.facts.started')}</dt>
          <dd>
            {t('planImport.facts.startedBy', {
              when: formatDateTime(item.createdAt, formatLocale),
              who: item.createdBy.name,
            })}
          </dd>
        </div>
      </dl>
      <p role="status" className="import-state">
        {t('planImport.stateNow', { state: t(`planImport.state.${item.state}`) })}
      </p>

      {item.problem && item.state !== 'failed' && (
        <div role="alert" className="notice notice-warning">
          <p>
            <strong>{t('planImport.problem')}:</strong> {item.problem}
          </p>
        </div>
      )}

      {(item.state === 'reading' || item.state === 'writing') && <Progress item={item} />}
      {item.state === 'mapping' && item.mapping && <MappingStep item={item} mapping={item.mapping} />}
      {item.state === 'ready' && (
        <>
          {item.mapping && (
            <details className="section import-mapping-details">
              <summary>{t('planImport.mappingChange')}</summary>
              <MappingStep item={item} mapping={item.mapping} />
            </details>
          )}
          <ImportPreview item={item} />
        </>
      )}
      {item.state === 'done' && item.result && <Done result={item.result} />}
      {item.state === 'failed' && <Failed item={item} />}
      {item.state === 'cancelled' && <p className="notice">{t('planImport.cancelled')}</p>}

      {cancellable && (
        <div className="section">
          <ErrorSummary error={cancel.error} />
          <button type="button" className="button button-quiet" onClick={cancelImport}>
            {cancel.pending ? t('planImport.cancelling') : t('planImport.cancel')}
          </button>
        </div>
      )}
      {(item.state === 'failed' || item.state === 'cancelled' || item.state === 'done') && (
        <p>
          <StartAgainLink item={item} />
        </p>
      )}
    </Page>
  );
}

/** Rows done of all while the file is read or written: a progress bar, and the same in words, read out politely. */
function Progress({ item }: { item: PlanImport }) {
  const { t, formatLocale } = useI18n();
  const progress = item.progress;
  const phase = progress?.phase ?? (item.state === 'writing' ? 'writing' : 'reading');
  const known = progress !== null && progress.total > 0;
  return (
    <section aria-labelledby="import-progress-heading" className="section">
      <h2 id="import-progress-heading">{t(`planImport.progress.${phase}`)}</h2>
      {known ? (
        <progress
          className="import-progress"
          aria-label={t('planImport.progress.label')}
          value={progress.done}
          max={progress.total}
        >
          {progress.percent} %
        </progress>
      ) : (
        <progress className="import-progress" aria-label={t('planImport.progress.label')} />
      )}
      <p aria-live="polite" className="import-progress-text">
        {known
          ? t('planImport.progress.text', {
              percent: progress.percent,
              done: formatNumber(progress.done, formatLocale),
              total: formatNumber(progress.total, formatLocale),
            })
          : t('planImport.progress.starting')}
      </p>
      <p className="hint">{t('planImport.progress.leave')}</p>
    </section>
  );
}

function Failed({ item }: { item: PlanImport }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="notice notice-error">
      <h2>{t('planImport.failed')}</h2>
      {item.problem && <p>{item.problem}</p>}
    </div>
  );
}

/** What the import wrote, with the way to the plan. Focus moves here, as the confirmation pressed is gone. */
function Done({ result }: { result: NonNullable<PlanImport['result']> }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="import-done-heading" className="section">
      <h2 id="import-done-heading" ref={heading} tabIndex={-1}>
        {t('planImport.doneHeading')}
      </h2>
      <dl className="facts facts-compact">
        <div>
          <dt>{t('planImport.done.created')}</dt>
          <dd>{countsText(result.created, t)}</dd>
        </div>
        <div>
          <dt>{t('planImport.done.changed')}</dt>
          <dd>{countsText(result.changed, t)}</dd>
        </div>
        <div>
          <dt>{t('planImport.done.archived')}</dt>
          <dd>{countsText(result.archived, t)}</dd>
        </div>
        <div>
          <dt>{t('planImport.done.people')}</dt>
          <dd>{result.people}</dd>
        </div>
      </dl>
      <p>
        <Link
          to="/planer/$planId"
          params={{ planId: result.planId }}
          search={{ sannolikhet: undefined, konsekvens: undefined }}
          className="button button-primary"
        >
          {t('planImport.toPlan')}
        </Link>
      </p>
    </section>
  );
}

function StartAgainLink({ item }: { item: PlanImport }) {
  const { t } = useI18n();
  return item.plan ? (
    <Link to="/planer/$planId/importera" params={{ planId: item.plan.id }}>
      {t('planImport.startAgain')}
    </Link>
  ) : (
    <Link to="/organisation/importera" search={{ enhet: item.unit.id }}>
      {t('planImport.startAgain')}
    </Link>
  );
}
