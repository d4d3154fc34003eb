import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { ROLE_LABELS } from '../../../domain/role.ts';
import {
  identityProviderQueries,
  roleMappingRuleQueries,
  testSignInOutcome,
  type TestSignInFailure,
  type TestSignInSuccess,
} from '../../api/identity-providers.ts';
import { LoadFailed, Loading } from '../../components/page.tsx';
import { useI18n, useLabel } from '../../i18n/i18n.tsx';
import { byId, useOrgUnits } from '../../lib/reference-data.ts';
import { AdminPage } from './admin-nav.tsx';

/** Why a sign-in through a provider can fail (the server's SSO failure codes), each explained in words. */
const FAILURES = [
  'unknown_provider',
  'state_unknown',
  'state_expired',
  'provider_refused',
  'provider_unreachable',
  'token_rejected',
  'missing_subject',
  'missing_email',
  'no_role',
  'deactivated',
  'suspended',
] as const;
type FailureCode = (typeof FAILURES)[number];
const isFailureCode = (code: string): code is FailureCode => (FAILURES as readonly string[]).includes(code);

/** Where the provider sends the administrator's browser back after a test sign-in. */
export function TestSignInPage() {
  const { providerId, attemptId } = useParams({ from: '/administration/inloggning/$providerId/test/$attemptId' });
  return <TestSignInOutcome providerId={providerId} attemptId={attemptId} />;
}

/**
 * A test sign-in's outcome: what the provider sent (subject, e-mail address, name, every claim)
 * and which rules fit, with the role and unit each would give; or why it failed. Asked about
 * again until the server has it.
 */
export function TestSignInOutcome({ providerId, attemptId }: { providerId: string; attemptId: string }) {
  const { t } = useI18n();
  const attempt = useQuery(identityProviderQueries.testSignIn(providerId, attemptId));
  const provider = useQuery(identityProviderQueries.detail(providerId));
  const title = t('testSignIn.title');
  if (attempt.error)
    return (
      <AdminPage title={title}>
        <LoadFailed error={attempt.error} />
        <BackLink />
      </AdminPage>
    );
  if (!attempt.data)
    return (
      <AdminPage title={title}>
        <Loading />
      </AdminPage>
    );
  const outcome = testSignInOutcome(attempt.data);
  return (
    <AdminPage title={title}>
      {provider.data && <p className="lead">{t('testSignIn.provider', { name: provider.data.name })}</p>}
      {outcome.kind === 'waiting' && (
        <div role="status" className="notice">
          <p>
            <strong>{t('testSignIn.waiting')}</strong>
          </p>
          <p>{t('testSignIn.waitingHelp')}</p>
        </div>
      )}
      {outcome.kind === 'failure' && <Failure failure={outcome.failure} />}
      {outcome.kind === 'success' && <Success success={outcome.success} />}
      <BackLink />
    </AdminPage>
  );
}

function BackLink() {
  const { t } = useI18n();
  return (
    <p>
      <Link to="/administration/inloggning">{t('rules.back')}</Link>
    </p>
  );
}

function Failure({ failure }: { failure: TestSignInFailure }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="notice notice-error">
      <p>
        <strong>{t('testSignIn.failed')}</strong>{' '}
        {isFailureCode(failure.failure)
          ? t(`testSignIn.failure.${failure.failure}`)
          : t('testSignIn.failure.other', { code: failure.failure })}
      </p>
      {failure.details && <p>{t('testSignIn.details', { details: failure.details })}</p>}
    </div>
  );
}

function Success({ success }: { success: TestSignInSuccess }) {
  const { t } = useI18n();
  const label = useLabel();
  const units = useOrgUnits();
  const rules = useQuery(roleMappingRuleQueries.list({ includeArchived: true }));
  const unitById = byId(units.data);
  const ruleById = byId(rules.data);
  const claims = Object.entries(success.values).sort(([a], [b]) => a.localeCompare(b));
  return (
    <>
      <p role="status" className="notice">
        {t('testSignIn.succeeded')}
      </p>
      <section aria-labelledby="sent-heading" className="section">
        <h2 id="sent-heading">{t('testSignIn.sent')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('testSignIn.subject')}</dt>
            <dd>
              <code className="copyable">{success.subject}</code>
            </dd>
          </div>
          <div>
            <dt>{t('auth.email')}</dt>
            <dd>{success.email ?? t('testSignIn.missing')}</dd>
          </div>
          <div>
            <dt>{t('admin.name')}</dt>
            <dd>{success.name ?? t('testSignIn.missing')}</dd>
          </div>
        </dl>
        <h3 id="claims-heading">{t('testSignIn.claims')}</h3>
        {claims.length === 0 ? (
          <p>{t('testSignIn.noClaims')}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="claims-heading" tabIndex={0}>
            <table className="table" aria-labelledby="claims-heading">
              <thead>
                <tr>
                  <th scope="col">{t('testSignIn.claim')}</th>
                  <th scope="col">{t('testSignIn.values')}</th>
                </tr>
              </thead>
              <tbody>
                {claims.map(([claim, values]) => (
                  <tr key={claim}>
                    <th scope="row">
                      <code className="copyable">{claim}</code>
                    </th>
                    <td>
                      {values.length === 1 ? (
                        values[0]
                      ) : (
                        <ul className="plain-list">
                          {values.map((value, index) => (
                            <li key={`${index}:${value}`}>{value}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="rules-heading" className="section">
        <h2 id="rules-heading">{t('testSignIn.rules')}</h2>
        {success.rules.length === 0 ? (
          <p>{t('testSignIn.noRules')}</p>
        ) : (
          <ul>
            {success.rules.map((rule) => {
              const known = ruleById.get(rule.id);
              return (
                <li key={rule.id}>
                  {t('testSignIn.ruleGives', {
                    role: label(ROLE_LABELS[rule.role]),
                    unit: unitById.get(rule.unitId)?.name ?? '–',
                  })}
                  {known && (
                    <span className="muted">
                      {' '}
                      (
                      {t('testSignIn.ruleFrom', {
                        rule: t('rules.describe', { claim: known.claim, value: known.value }),
                      })}
                      )
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        <p>
          <Link to="/administration/inloggning/regler">{t('idp.rulesLink')}</Link>
        </p>
      </section>
    </>
  );
}
