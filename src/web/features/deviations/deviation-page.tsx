import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { Attachments } from '../../components/attachments.tsx';
import { MarkdownText } from '../../components/markdown-text.tsx';
import { LoadFailed, Loading, Page } from '../../components/page.tsx';
import { deviationKeys, getDeviation } from '../../api/deviations.ts';
import { getItem } from '../../api/items.ts';
import { getPlan } from '../../api/plans.ts';
import { getRisk } from '../../api/risks.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { canAnswerForUnit, canManageUnit } from '../../lib/can-manage.ts';
import { formatDate } from '../../lib/format.ts';
import { useOrgUnits, useUsers, vocabularyLabel } from '../../lib/reference-data.ts';
import { useMe } from '../../lib/use-me.ts';

/**
 * An avvikelse as read: what was found, how serious, by whom and when, whom it was reported to,
 * the control and risk that found it, and the action that answers it. From here the person
 * changes it, or (as a coordinator) makes the action that answers it (Skapa åtgärd).
 */
export function DeviationPage() {
  const { t, locale, formatLocale } = useI18n();
  const { deviationId } = useParams({ from: '/avvikelser/$deviationId' });
  const data = useQuery({
    queryKey: [...deviationKeys.deviation(deviationId), 'page'],
    queryFn: async ({ signal }) => {
      const deviation = await getDeviation(deviationId, signal);
      const control = await getItem('control', deviation.controlId, signal);
      const [plan, risk, action] = await Promise.all([
        getPlan(control.planId, signal),
        control.riskId ? getRisk(control.riskId, signal) : Promise.resolve(null),
        deviation.actionId ? getItem('action', deviation.actionId, signal) : Promise.resolve(null),
      ]);
      return { deviation, control, plan, risk, action };
    },
  });
  const me = useMe();
  const units = useOrgUnits();
  const users = useUsers();
  const error = data.error ?? users.error ?? units.error;
  if (error)
    return (
      <Page title={t('deviationPage.title')}>
        <LoadFailed error={error} />
      </Page>
    );
  if (!data.data || !users.data || !units.data)
    return (
      <Page title={t('deviationPage.title')}>
        <Loading />
      </Page>
    );
  const { deviation, control, plan, risk, action } = data.data;
  const name = (id: string | null) => (id ? (users.data.find((user) => user.id === id)?.name ?? '–') : '–');
  // An archived action answers nothing any more: a new one may be made.
  const answering = action && action.archivedAt === null ? action : null;
  const mayChange = canAnswerForUnit(me.data, units.data, plan.unitId);
  const mayMakeAction = canManageUnit(me.data, units.data, plan.unitId) && answering === null && control.riskId;
  const fact = (label: string, value: ReactNode) => (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <Page
      title={`${t('deviationPage.title')}: ${deviation.title}`}
      actions={
        (mayChange || mayMakeAction) && (
          <>
            {mayChange && (
              <Link
                className="button button-secondary"
                to="/avvikelser/$deviationId/redigera"
                params={{ deviationId: deviation.id }}
              >
                {t('deviationPage.edit')}
              </Link>
            )}
            {mayMakeAction && (
              <Link
                className="button"
                to="/risker/$riskId/ny-atgard"
                params={{ riskId: control.riskId }}
                search={{ avvikelse: deviation.id }}
              >
                {t('deviationPage.createAction')}
              </Link>
            )}
          </>
        )
      }
    >
      <dl className="facts">
        {fact(t('deviationForm.severity'), vocabularyLabel(deviation.severity, locale))}
        {fact(t('deviations.state'), t(`deviationState.${deviation.state}`))}
        {fact(
          t('deviationForm.foundOn'),
          [formatDate(deviation.foundOn, formatLocale), deviation.foundById ? name(deviation.foundById) : null]
            .filter(Boolean)
            .join(', '),
        )}
        {fact(
          t('deviationForm.reportedTo'),
          [deviation.reportedToId ? name(deviation.reportedToId) : null, deviation.reportedToText]
            .filter(Boolean)
            .join(', ') || '–',
        )}
        {fact(t('deviationForm.reportedOn'), formatDate(deviation.reportedOn, formatLocale))}
        {fact(
          t('deviationPage.control'),
          control.riskId ? (
            <Link to="/risker/$riskId" params={{ riskId: control.riskId }} hash={`item-${control.id}`}>
              {control.title}
            </Link>
          ) : (
            control.title
          ),
        )}
        {risk &&
          fact(
            t('deviationPage.risk'),
            <Link to="/risker/$riskId" params={{ riskId: risk.id }}>
              {risk.title}
            </Link>,
          )}
        {fact(
          t('deviationPage.plan'),
          <Link
            to="/planer/$planId"
            params={{ planId: plan.id }}
            search={{ sannolikhet: undefined, konsekvens: undefined }}
          >
            {plan.title}
          </Link>,
        )}
        {fact(
          t('deviationForm.action'),
          answering ? (
            <Link to="/atgarder/$itemId/redigera" params={{ itemId: answering.id }}>
              {answering.title}
            </Link>
          ) : (
            t('deviationPage.noAction')
          ),
        )}
      </dl>
      {deviation.description && (
        <section aria-labelledby="deviation-description" className="section">
          <h2 id="deviation-description">{t('deviationForm.description')}</h2>
          <MarkdownText text={deviation.description} />
        </section>
      )}
      <Attachments targetType="deviation" targetId={deviation.id} />
    </Page>
  );
}
