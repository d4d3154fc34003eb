import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { LoadFailed, Loading } from '../../components/page.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  tenantSettingsKeys,
  tenantSettingsQueries,
  updateTenantSettings,
  type TenantSettings,
} from '../../api/tenant-settings.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { AdminPage } from './admin-nav.tsx';

/**
 * Administration → Inloggning: the organisation's sign-in policy, a second factor for
 * administrators and SSO required, with what keeps the organisation from locking itself out.
 */
export function SignInPolicyAdminPage() {
  const { t } = useI18n();
  const settings = useQuery(tenantSettingsQueries.get());
  // Kept here: the form starts afresh from the saved settings (a new version), and the word stays.
  const [saved, setSaved] = useState(false);
  const title = t('admin.signInPolicy');
  return (
    <AdminPage title={title}>
      {settings.error ? (
        <LoadFailed error={settings.error} retry={() => void settings.refetch()} />
      ) : !settings.data ? (
        <Loading />
      ) : (
        <SignInPolicyForm key={settings.data.version} settings={settings.data} saved={saved} onSaved={setSaved} />
      )}
    </AdminPage>
  );
}

function SignInPolicyForm({
  settings,
  saved,
  onSaved,
}: {
  settings: TenantSettings;
  saved: boolean;
  onSaved: (saved: boolean) => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const submit = useSubmit();
  const [requireSecondFactor, setRequireSecondFactor] = useState(settings.requireSecondFactorForAdmins);
  const [requireSso, setRequireSso] = useState(settings.requireSso);
  const ssoErrors = submit.fieldErrors('requireSso') ?? [];

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSaved(false);
    void submit.run(async () => {
      const answer = await updateTenantSettings({
        version: settings.version,
        requireSecondFactorForAdmins: requireSecondFactor,
        requireSso,
      });
      onSaved(true);
      queryClient.setQueryData(tenantSettingsKeys.all, answer);
    });
  }

  return (
    <>
      <p className="lead">{t('signInPolicy.intro')}</p>
      <p role="status" className={saved ? 'notice' : 'visually-hidden'}>
        {saved ? t('signInPolicy.saved') : ''}
      </p>
      <ErrorSummary error={submit.error} />
      <form onSubmit={save} className="form">
        <div className="field">
          <label className="checkbox">
            <input
              type="checkbox"
              name="requireSecondFactorForAdmins"
              checked={requireSecondFactor}
              onChange={(event) => setRequireSecondFactor(event.target.checked)}
              aria-describedby="second-factor-help"
            />{' '}
            {t('signInPolicy.requireSecondFactor')}
          </label>
          <p id="second-factor-help" className="field-description">
            {t('signInPolicy.requireSecondFactorHelp')}
          </p>
        </div>
        <div className="field">
          <label className="checkbox">
            <input
              type="checkbox"
              name="requireSso"
              checked={requireSso}
              onChange={(event) => setRequireSso(event.target.checked)}
              aria-describedby={ssoErrors.length > 0 ? 'sso-errors sso-help sso-facts' : 'sso-help sso-facts'}
              aria-invalid={ssoErrors.length > 0 || undefined}
            />{' '}
            {t('signInPolicy.requireSso')}
          </label>
          <p id="sso-help" className="field-description">
            {t('signInPolicy.requireSsoHelp')}
          </p>
          <p id="sso-facts" className="field-description">
            {t('signInPolicy.breakGlassCount', { count: settings.breakGlassAdministrators })}{' '}
            {t('signInPolicy.providerCount', { count: settings.enabledIdentityProviders })}{' '}
            <Link to="/administration/anvandare">{t('signInPolicy.breakGlassHint')}</Link>
          </p>
          {ssoErrors.length > 0 && (
            <p id="sso-errors" className="field-error">
              {ssoErrors.join(' ')}
            </p>
          )}
        </div>
        <button type="submit" className="button button-primary">
          {submit.pending ? t('form.saving') : t('signInPolicy.save')}
        </button>
      </form>
    </>
  );
}
