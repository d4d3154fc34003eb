import { useQuery } from '@tanstack/react-query';
import { LinkedGoals } from '../../components/goals-field.tsx';
import { Link, useParams } from '@tanstack/react-router';
import { LoadFailed, Loading, Page } from '../../components/page.tsx';
import { ItemFacts } from '../../components/item-facts.tsx';
import { ItemLinks } from '../../components/item-links.tsx';
import { ControlResultsSection } from './control-results-section.tsx';
import { FollowUpReview } from '../../components/follow-up-review.tsx';
import { MarkdownText } from '../../components/markdown-text.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { frequencyText, reportsToText } from '../../components/structured-fields.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { listDeviations, type Deviation } from '../../api/deviations.ts';
import { listFollowUps, type FollowUp } from '../../api/follow-ups.ts';
import { listItems, type Action, type Control } from '../../api/items.ts';
import { getPlan, type Plan } from '../../api/plans.ts';
import { listReviews, type Review } from '../../api/reviews.ts';
import { getRisk, getRiskAssessments, riskKeys, type Risk, type RiskAssessment } from '../../api/risks.ts';
import { formatDate } from '../../lib/format.ts';
import { loadPeriods, periodLabel, type Period } from '../../lib/periods.ts';
import {
  byId,
  useOrgUnits,
  useStatuses,
  useUsers,
  vocabularyLabel,
  type Status,
  type VocabularyRef,
} from '../../lib/reference-data.ts';

type Item = (Control & { kind: 'control' }) | (Action & { kind: 'action' });
type Assessment = RiskAssessment;

interface RiskData {
  risk: Risk;
  plan: Plan;
  items: Item[];
  followUps: FollowUp[];
  deviations: Deviation[];
  reviews: Review[];
  assessments: Assessment[];
  periods: Map<string, Period>;
}

async function loadRisk(riskId: string, signal: AbortSignal): Promise<RiskData> {
  const risk = await getRisk(riskId, signal);
  const [plan, controls, actions, deviations, reviews, history] = await Promise.all([
    getPlan(risk.planId, signal),
    listItems('control', { riskId }, signal),
    listItems('action', { riskId }, signal),
    listDeviations({ planId: risk.planId }, signal),
    listReviews({ planId: risk.planId }, signal),
    getRiskAssessments(riskId, signal),
  ]);
  const items: Item[] = [
    ...controls.map((item) => ({ ...item, kind: 'control' as const })),
    ...actions.map((item) => ({ ...item, kind: 'action' as const })),
  ];
  const periods = await loadPeriods(plan.startYear, plan.endYear, signal);
  const followUps = (
    await Promise.all(
      items.map((item) =>
        listFollowUps({ [item.kind === 'control' ? 'controlId' : 'actionId']: item.id, sort: '-reportedOn' }, signal),
      ),
    )
  ).flat();
  const controlIds = new Set(controls.map((item) => item.id));
  return {
    risk,
    plan,
    items,
    followUps,
    deviations: deviations.filter((entry) => controlIds.has(entry.controlId)),
    reviews: reviews.filter((entry) => entry.riskId === riskId),
    periods,
    assessments: history.items,
  };
}

/** A risk: its description and assessment, its controls and actions with their follow-ups, deviations and reviews. */
export function RiskPage() {
  const { t } = useI18n();
  const { riskId } = useParams({ from: '/risker/$riskId' });
  const data = useQuery({ queryKey: riskKeys.page(riskId), queryFn: ({ signal }) => loadRisk(riskId, signal) });
  const users = useUsers();
  const statuses = useStatuses();
  const units = useOrgUnits();
  const error = data.error ?? users.error ?? statuses.error ?? units.error;
  if (error)
    return (
      <Page title={t('plan.risk')}>
        <LoadFailed error={error} retry={() => void data.refetch()} />
      </Page>
    );
  if (!data.data || !users.data || !statuses.data || !units.data)
    return (
      <Page title={t('plan.risk')}>
        <Loading />
      </Page>
    );
  return (
    <RiskView
      data={data.data}
      names={
        new Map(
          users.data.map((user) => [
            user.id,
            user.deactivatedAt ? `${user.name} ${t('person.deactivated')}` : user.name,
          ]),
        )
      }
      statusById={byId(statuses.data)}
      unitNames={new Map(units.data.map((unit) => [unit.id, unit.name]))}
    />
  );
}

function RiskView({
  data,
  names,
  statusById,
  unitNames,
}: {
  data: RiskData;
  names: Map<string, string>;
  statusById: Map<string, Status>;
  unitNames: Map<string, string>;
}) {
  const { t, formatLocale, locale } = useI18n();
  const { risk, plan } = data;
  const name = (id: string | null) => (id ? (names.get(id) ?? '–') : '–');
  const entryLabel = (ref: VocabularyRef | null) => (ref ? vocabularyLabel(ref, locale) : '–');
  return (
    <Page
      title={risk.title}
      actions={
        <div className="button-row">
          <Link to="/risker/$riskId/redigera" params={{ riskId: risk.id }} className="button">
            {t('riskPage.edit')}
          </Link>
          <Link
            to="/historik/$entityType/$entityId"
            params={{ entityType: 'risk', entityId: risk.id }}
            className="button button-quiet"
          >
            {t('history.link')}
          </Link>
        </div>
      }
    >
      <p>
        <Link
          to="/planer/$planId"
          params={{ planId: plan.id }}
          search={{ sannolikhet: undefined, konsekvens: undefined }}
        >
          {t('riskPage.backToPlan', { plan: plan.title })}
        </Link>
      </p>
      {risk.commonControlId && (
        <p className="notice">
          {t('riskPage.commonControl')}{' '}
          <Link to="/gemensamma-kontrollmoment" search={{ enhet: undefined, ar: plan.startYear }}>
            {t('commonControls.title')}
          </Link>
        </p>
      )}
      <dl className="facts">
        <div>
          <dt>{t('plan.likelihood')}</dt>
          <dd>{risk.likelihood ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('plan.consequence')}</dt>
          <dd>{risk.consequence ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('plan.riskValue')}</dt>
          <dd>{risk.riskValue ?? t('plan.unassessed')}</dd>
        </div>
        <div>
          <dt>{t('riskForm.process')}</dt>
          <dd>{entryLabel(risk.process)}</dd>
        </div>
        <div>
          <dt>{t('riskForm.category')}</dt>
          <dd>{entryLabel(risk.category)}</dd>
        </div>
        <div>
          <dt>{t('riskForm.owner')}</dt>
          <dd>{name(risk.ownerId)}</dd>
        </div>
        <div>
          <dt>{t('riskForm.response')}</dt>
          <dd>{risk.response ? t(`riskResponse.${risk.response}`) : t('riskForm.noResponse')}</dd>
        </div>
        {risk.legalReferences && (
          <div>
            <dt>{t('riskForm.legalReferences')}</dt>
            <dd>{risk.legalReferences}</dd>
          </div>
        )}
        <LinkedGoals
          goalIds={risk.goalIds}
          label={t('goals.riskGoals')}
          severalYears={plan.startYear !== plan.endYear}
        />
      </dl>
      <MarkdownText text={risk.description} />
      {(risk.cause || risk.effect || risk.responseMotivation) && (
        <dl className="text-facts">
          {risk.cause && (
            <div>
              <dt>{t('riskForm.cause')}</dt>
              <dd>
                <MarkdownText text={risk.cause} />
              </dd>
            </div>
          )}
          {risk.effect && (
            <div>
              <dt>{t('riskForm.effect')}</dt>
              <dd>
                <MarkdownText text={risk.effect} />
              </dd>
            </div>
          )}
          {risk.responseMotivation && (
            <div>
              <dt>{t('riskForm.responseMotivation')}</dt>
              <dd>
                <MarkdownText text={risk.responseMotivation} />
              </dd>
            </div>
          )}
        </dl>
      )}

      <section aria-labelledby="assessment-heading" className="section">
        <h2 id="assessment-heading">{t('riskPage.assessments')}</h2>
        {data.assessments.length === 0 ? (
          <p>{t('riskPage.noAssessments')}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="assessment-heading" tabIndex={0}>
            <table className="table table-compact" aria-labelledby="assessment-heading">
              <thead>
                <tr>
                  <th scope="col">{t('overview.year')}</th>
                  <th scope="col">{t('plan.likelihood')}</th>
                  <th scope="col">{t('plan.consequence')}</th>
                  <th scope="col">{t('plan.riskValue')}</th>
                  <th scope="col">{t('riskForm.response')}</th>
                  <th scope="col">{t('riskPage.assessedBy')}</th>
                </tr>
              </thead>
              <tbody>
                {data.assessments.map((entry) => (
                  <tr key={entry.id}>
                    <th scope="row">{entry.year}</th>
                    <td>{entry.likelihood}</td>
                    <td>{entry.consequence}</td>
                    <td>{entry.riskValue}</td>
                    <td>{entry.response ? t(`riskResponse.${entry.response}`) : '–'}</td>
                    <td>
                      {[entry.assessedByName, entry.assessedOn ? formatDate(entry.assessedOn, formatLocale) : null]
                        .filter(Boolean)
                        .join(', ') || '–'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="items-heading" className="section">
        <div className="section-heading">
          <h2 id="items-heading">{t('plan.items')}</h2>
          <div className="button-row">
            <Link to="/risker/$riskId/nytt-kontrollmoment" params={{ riskId: risk.id }} className="button">
              {t('riskPage.newControl')}
            </Link>
            <Link to="/risker/$riskId/ny-atgard" params={{ riskId: risk.id }} className="button">
              {t('riskPage.newAction')}
            </Link>
          </div>
        </div>
        {data.items.length === 0 ? (
          <p>{t('riskPage.noItems')}</p>
        ) : (
          <ul className="item-list">
            {data.items.map((item) => (
              <li key={item.id} id={`item-${item.id}`} className="item-card">
                <h3 className="item-title">
                  <span className="tag">{t(`itemKind.${item.kind}`)}</span> {item.title}
                </h3>
                <ItemFacts
                  item={item}
                  names={names}
                  statusById={statusById}
                  extra={
                    item.kind === 'action' && item.responsibleUnitId
                      ? { label: t('itemForm.responsibleUnit'), value: unitNames.get(item.responsibleUnitId) ?? '–' }
                      : undefined
                  }
                />
                {item.kind === 'control' ? (
                  <>
                    <dl className="facts facts-compact">
                      <div>
                        <dt>{t('itemForm.method')}</dt>
                        <dd>{entryLabel(item.method)}</dd>
                      </div>
                      {item.responsibleFunction && (
                        <div>
                          <dt>{t('unitFunctions.controlField')}</dt>
                          <dd>
                            {item.responsibleFunction.holderName
                              ? t('unitFunctions.heldBy', {
                                  fn: item.responsibleFunction.name,
                                  name: item.responsibleFunction.holderName,
                                })
                              : t('unitFunctions.vacantFunction', { fn: item.responsibleFunction.name })}
                          </dd>
                        </div>
                      )}
                      <div>
                        <dt>{t('itemForm.frequency')}</dt>
                        <dd>{frequencyText(item.frequency, t, formatLocale)}</dd>
                      </div>
                      {item.reportingTime && (
                        <div>
                          <dt>{t('controlForm.reportingTime')}</dt>
                          <dd>{item.reportingTime}</dd>
                        </div>
                      )}
                      <div>
                        <dt>{t('controlForm.reportsTo')}</dt>
                        <dd>{reportsToText(item.reportsTo, t)}</dd>
                      </div>
                    </dl>
                    <MarkdownText text={item.description} />
                    {item.scope && <h4>{t('controlForm.scope')}</h4>}
                    <MarkdownText text={item.scope} />
                    <ControlResultsSection control={item} plan={plan} periods={data.periods} />
                  </>
                ) : (
                  <>
                    {item.goalIds.length > 0 && (
                      <dl className="facts facts-compact">
                        <LinkedGoals
                          goalIds={item.goalIds}
                          label={t('goals.actionGoals')}
                          severalYears={plan.startYear !== plan.endYear}
                        />
                      </dl>
                    )}
                    {item.whatToDo && <h4>{t('itemForm.whatToDo')}</h4>}
                    <MarkdownText text={item.whatToDo} />
                    {item.measuresTaken && <h4>{t('itemForm.measuresTaken')}</h4>}
                    <MarkdownText text={item.measuresTaken} />
                  </>
                )}
                <FollowUpTimeline
                  followUps={data.followUps.filter(
                    (entry) => (item.kind === 'control' ? entry.controlId : entry.actionId) === item.id,
                  )}
                  name={name}
                  statusById={statusById}
                  periods={data.periods}
                  unitId={plan.unitId}
                />
                <ItemLinks kind={item.kind} id={item.id} title={item.title} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="deviations-heading" className="section">
        <h2 id="deviations-heading">{t('deviations.title')}</h2>
        {data.deviations.length === 0 ? (
          <p>{t('deviations.none')}</p>
        ) : (
          <ul className="plain-list">
            {data.deviations.map((entry) => (
              <li key={entry.id}>
                <Link to="/avvikelser/$deviationId" params={{ deviationId: entry.id }}>
                  {entry.title}
                </Link>{' '}
                – {formatDate(entry.foundOn, formatLocale)}, {vocabularyLabel(entry.severity, locale)},{' '}
                {t(`deviationState.${entry.state}`)}
              </li>
            ))}
          </ul>
        )}
      </section>

      {data.reviews.length > 0 && (
        <section aria-labelledby="reviews-heading" className="section">
          <h2 id="reviews-heading">{t('reviews.title')}</h2>
          <ul className="plain-list">
            {data.reviews.map((entry) => (
              <li key={entry.id}>
                {entry.title} {entry.diarienummer ? `(${entry.diarienummer})` : ''}{' '}
                {entry.meetingDate
                  ? `– ${formatDate(entry.meetingDate, formatLocale)} ${entry.decisionParagraph ?? ''}`
                  : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Page>
  );
}

/** The period follow-ups of an item, newest first, each with its author and the status then. */
export function FollowUpTimeline({
  followUps,
  name,
  statusById,
  periods,
  unitId,
}: {
  followUps: FollowUp[];
  name: (id: string | null) => string;
  statusById: Map<string, Status>;
  periods: Map<string, Period>;
  /** The plan's unit, whose managers approve or send back. */
  unitId: string;
}) {
  const { t, formatLocale, locale } = useI18n();
  if (followUps.length === 0) return <p className="muted">{t('followUps.none')}</p>;
  return (
    <ol className="timeline" aria-label={t('followUps.title')}>
      {followUps.map((entry) => (
        <li key={entry.id} className="follow-up">
          <p className="follow-up-meta">
            <strong>{periodLabel(periods.get(entry.periodId), locale)}</strong>{' '}
            {formatDate(entry.reportedOn, formatLocale)} · {name(entry.authorId)}{' '}
            {entry.statusId && <StatusBadge status={statusById.get(entry.statusId)} />}
          </p>
          <MarkdownText text={entry.body} />
          <FollowUpReview
            followUp={entry}
            unitId={unitId}
            name={name}
            context={periodLabel(periods.get(entry.periodId), locale)}
          />
          <p>
            <Link to="/uppfoljning/$followUpId/redigera" params={{ followUpId: entry.id }}>
              {t('followUps.edit')}
              <span className="visually-hidden">
                {' '}
                {t('followUps.editOf', { period: periodLabel(periods.get(entry.periodId), locale) })}
              </span>
            </Link>
          </p>
          {entry.analysis && (
            <>
              <p className="follow-up-meta">{t('followUps.analysis')}</p>
              <MarkdownText text={entry.analysis} />
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
