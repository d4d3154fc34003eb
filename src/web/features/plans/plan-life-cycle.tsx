import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { LoadFailed, Loading } from '../../components/page.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { InputField, SelectField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  adoptPlan,
  closePlan,
  planQueries,
  revisePlan,
  rollOverPlan,
  type Plan,
  type PlanCarryOver,
} from '../../api/plans.ts';
import { invalidatePlan } from '../../api/invalidation.ts';
import { reportUrl } from '../../api/reports.ts';
import { periodParam } from '../../lib/periods.ts';
import { formatDate } from '../../lib/format.ts';
import { useOrgUnits } from '../../lib/reference-data.ts';
import { useSubmit } from '../../lib/use-submit.ts';

/**
 * Beslut och versioner: adopt a draft (which freezes it), record a revision of an adopted plan
 * with its reason, compare with the adopted version, and close the plan when the year is over.
 */
export function PlanLifeCycle({ plan }: { plan: Plan }) {
  const { t } = useI18n();
  if (plan.state === 'draft') return <AdoptForm plan={plan} />;
  return (
    <section aria-labelledby="versions-heading" className="section">
      <h2 id="versions-heading">{t('lifeCycle.versions')}</h2>
      <VersionList plan={plan} />
      {plan.state === 'adopted' && <ReviseForm plan={plan} />}
      {plan.state === 'adopted' && <CloseButton plan={plan} />}
      <RollOver plan={plan} />
    </section>
  );
}

/** Nästa års plan: made from this one, with what is unfinished carried over. */
function RollOver({ plan }: { plan: Plan }) {
  const { t } = useI18n();
  const submit = useSubmit();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <div className="stack">
      <h3>{t('lifeCycle.rollOver')}</h3>
      <p>{t('lifeCycle.rollOverHelp')}</p>
      <ErrorSummary error={submit.error} />
      <div className="button-row">
        <button
          type="button"
          className="button"
          aria-disabled={submit.pending}
          onClick={() =>
            void submit.run(async () => {
              const rolled = await rollOverPlan(plan.id, {});
              await invalidatePlan(queryClient, plan.id);
              await navigate({
                to: '/planer/$planId',
                params: { planId: rolled.planId },
                search: { sannolikhet: undefined, konsekvens: undefined },
              });
            })
          }
        >
          {t('lifeCycle.rollOverButton')}
        </button>
      </div>
    </div>
  );
}

type CarryOver = PlanCarryOver;

/** "Överförd från …" and "förs över till …" for the plan's risks, actions, activities and sub-activities. */
export function CarryOverLinks({ planId }: { planId: string }) {
  const { t } = useI18n();
  const links = useQuery(planQueries.carryOver(planId));
  if (!links.data || (links.data.carriedFrom.length === 0 && links.data.carriedTo.length === 0)) return null;
  const list = (entries: CarryOver['carriedFrom'], label: (plan: string) => string) =>
    entries.length > 0 && (
      <ul>
        {entries.map((link) => (
          <li key={`${link.entity}-${link.id}-${link.otherId}`}>
            {t(`lifeCycle.entity.${link.entity}`)} <q>{link.title}</q>{' '}
            <Link
              to="/planer/$planId"
              params={{ planId: link.otherPlanId }}
              search={{ sannolikhet: undefined, konsekvens: undefined }}
            >
              {label(link.otherPlanTitle)}
            </Link>
          </li>
        ))}
      </ul>
    );
  return (
    <section aria-labelledby="carry-over-heading" className="section">
      <h2 id="carry-over-heading">{t('lifeCycle.carryOver')}</h2>
      {list(links.data.carriedFrom, (plan) => t('lifeCycle.carriedFrom', { plan }))}
      {list(links.data.carriedTo, (plan) => t('lifeCycle.carriedTo', { plan }))}
    </section>
  );
}

function useRefreshPlan(planId: string) {
  const queryClient = useQueryClient();
  return () => invalidatePlan(queryClient, planId);
}

function AdoptForm({ plan }: { plan: Plan }) {
  const { t } = useI18n();
  const units = useOrgUnits();
  const submit = useSubmit();
  const refresh = useRefreshPlan(plan.id);
  const [date, setDate] = useState('');
  const [unitId, setUnitId] = useState(plan.decisionUnitId ?? plan.unitId);
  const [paragraph, setParagraph] = useState(plan.decisionParagraph ?? '');
  const [diarienummer, setDiarienummer] = useState(plan.diarienummer ?? '');
  return (
    <section aria-labelledby="adopt-heading" className="section">
      <h2 id="adopt-heading">{t('lifeCycle.adopt')}</h2>
      <p>{t('lifeCycle.adoptHelp')}</p>
      <form
        noValidate
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void submit.run(async () => {
            await adoptPlan(plan.id, {
              version: plan.version,
              decisionUnitId: unitId,
              ...(date ? { decisionDate: date } : {}),
              decisionParagraph: paragraph.trim() || null,
              diarienummer: diarienummer.trim() || null,
            });
            await refresh();
          });
        }}
      >
        <ErrorSummary error={submit.error} />
        <InputField
          label={t('plan.decisionDate')}
          type="date"
          value={date}
          onChange={setDate}
          isRequired
          errors={submit.fieldErrors('decisionDate')}
        />
        <SelectField
          label={t('plan.decidedBy')}
          value={unitId}
          onChange={setUnitId}
          options={(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
          errors={submit.fieldErrors('decisionUnitId')}
        />
        <InputField
          label={t('plan.paragraph')}
          value={paragraph}
          onChange={setParagraph}
          errors={submit.fieldErrors('decisionParagraph')}
        />
        <InputField
          label={t('plan.diarienummer')}
          value={diarienummer}
          onChange={setDiarienummer}
          errors={submit.fieldErrors('diarienummer')}
        />
        <button type="submit" className="button" aria-disabled={submit.pending}>
          {t('lifeCycle.adoptButton')}
        </button>
      </form>
    </section>
  );
}

function VersionList({ plan }: { plan: Plan }) {
  const { t, formatLocale } = useI18n();
  const versions = useQuery(planQueries.versions(plan.id));
  if (versions.error) return <LoadFailed error={versions.error} retry={() => void versions.refetch()} />;
  if (!versions.data) return <Loading />;
  if (versions.data.items.length === 0) return <p>{t('lifeCycle.noVersions')}</p>;
  return (
    <ul className="item-list">
      {versions.data.items.map((version) => {
        const name =
          version.revision === 1 ? t('lifeCycle.adopted') : t('lifeCycle.revision', { revision: version.revision });
        return (
          <li key={version.id} className="item-card">
            <h3 className="item-title">{name}</h3>
            <p>
              {formatDate(version.createdAt.slice(0, 10), formatLocale)}
              {version.createdByName ? `, ${version.createdByName}` : ''}
            </p>
            {version.reason && <p>{version.reason}</p>}
            <p>
              {version.decision
                ? t('decisions.versionDecision', {
                    body: version.decision.decisionUnitName ?? '',
                    date: formatDate(version.decision.decisionDate, formatLocale),
                    paragraph: version.decision.decisionParagraph ?? '',
                    diarienummer: version.decision.diarienummer ?? '',
                  })
                : t('decisions.keptInForce')}
              {version.decision?.validFrom && (
                <>
                  <br />
                  {t('decisions.versionValidFrom', { date: formatDate(version.decision.validFrom, formatLocale) })}
                </>
              )}
            </p>
            <p className="sha">
              SHA-256: <code>{version.sha256}</code>
            </p>
            <div className="button-row">
              <Link
                to="/planer/$planId/jamfor"
                params={{ planId: plan.id }}
                search={{ fran: version.revision }}
                className="button button-quiet"
              >
                {t('lifeCycle.compareWithToday')}
                <span className="visually-hidden"> ({name})</span>
              </Link>
              <a
                className="button button-quiet"
                href={reportUrl(plan.kind === 'activity' ? 'activity-plan' : 'plan', {
                  unit: plan.unitId,
                  period: periodParam(plan),
                  format: 'pdf',
                  plan: plan.id,
                  revision: version.revision,
                })}
                download
              >
                {t('lifeCycle.reportAsVersion')}
                <span className="visually-hidden"> ({name})</span>
              </a>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

function ReviseForm({ plan }: { plan: Plan }) {
  const { t } = useI18n();
  const submit = useSubmit();
  const refresh = useRefreshPlan(plan.id);
  const [reason, setReason] = useState('');
  // The decision of the revision, or a correction of the adopted one; sent only where changed.
  const [date, setDate] = useState(plan.decisionDate ?? '');
  const [paragraph, setParagraph] = useState(plan.decisionParagraph ?? '');
  const [diarienummer, setDiarienummer] = useState(plan.diarienummer ?? '');
  const [validFrom, setValidFrom] = useState('');
  const [done, setDone] = useState(false);
  const decision = {
    ...(date && date !== plan.decisionDate ? { decisionDate: date } : {}),
    ...(paragraph.trim() !== (plan.decisionParagraph ?? '') ? { decisionParagraph: paragraph.trim() || null } : {}),
    ...(diarienummer.trim() !== (plan.diarienummer ?? '') ? { diarienummer: diarienummer.trim() || null } : {}),
    ...(validFrom ? { validFrom } : {}),
  };
  return (
    <form
      noValidate
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        setDone(false);
        void submit.run(async () => {
          await revisePlan(plan.id, { reason, ...decision });
          setReason('');
          setValidFrom('');
          setDone(true);
          await refresh();
        });
      }}
    >
      <h3>{t('lifeCycle.revise')}</h3>
      <ErrorSummary error={submit.error} />
      <InputField
        label={t('lifeCycle.reason')}
        description={t('lifeCycle.reasonHelp')}
        value={reason}
        onChange={setReason}
        isRequired
        errors={submit.fieldErrors('reason')}
      />
      <fieldset className="fieldset">
        <legend className="field-label">{t('lifeCycle.revisionDecision')}</legend>
        <p className="field-description">{t('lifeCycle.revisionDecisionHelp')}</p>
        <div className="field-row">
          <InputField
            label={t('plan.decisionDate')}
            type="date"
            value={date}
            onChange={setDate}
            errors={submit.fieldErrors('decisionDate')}
          />
          <InputField
            label={t('plan.paragraph')}
            value={paragraph}
            onChange={setParagraph}
            errors={submit.fieldErrors('decisionParagraph')}
          />
          <InputField
            label={t('plan.diarienummer')}
            value={diarienummer}
            onChange={setDiarienummer}
            errors={submit.fieldErrors('diarienummer')}
          />
          <InputField
            label={t('decisions.validFrom')}
            description={t('decisions.validFromHelp')}
            type="date"
            value={validFrom}
            onChange={setValidFrom}
            errors={submit.fieldErrors('validFrom')}
          />
        </div>
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={submit.pending}>
          {t('lifeCycle.reviseButton')}
        </button>
        <span role="status">{done ? t('lifeCycle.revised') : ''}</span>
      </div>
    </form>
  );
}

function CloseButton({ plan }: { plan: Plan }) {
  const { t } = useI18n();
  const submit = useSubmit();
  const refresh = useRefreshPlan(plan.id);
  return (
    <div className="stack">
      <ErrorSummary error={submit.error} />
      <button
        type="button"
        className="button button-quiet"
        onClick={() => {
          if (!window.confirm(t('lifeCycle.closeQuestion'))) return;
          void submit.run(async () => {
            await closePlan(plan.id, { version: plan.version });
            await refresh();
          });
        }}
      >
        {t('lifeCycle.close')}
      </button>
    </div>
  );
}
