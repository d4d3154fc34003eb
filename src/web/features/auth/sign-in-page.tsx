import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { Page } from '../../components/page.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ApiError } from '../../lib/api.ts';
import { meKeys, signIn } from '../../api/me.ts';
import type { SignInOptions } from '../../api/sign-in-options.ts';
import { SsoFailureNotice, SsoOptions } from './sso-sign-in.tsx';

/** Only addresses inside the application, so that a crafted link cannot send the user elsewhere. */
function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/logga-in') ? next : '/';
}

export function SignInPage() {
  const { t } = useI18n();
  const { next, organisation, 'sso-fel': ssoFailure } = useSearch({ from: '/logga-in' });
  const [ssoOnly, setSsoOnly] = useState(false);
  const learnOptions = useCallback((options: SignInOptions) => setSsoOnly(!options.passwordSignIn), []);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [tenant, setTenant] = useState('');
  const [askTenant, setAskTenant] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // A second press while the first is on its way would only repeat it.
    if (pending) return;
    setPending(true);
    try {
      const who = await signIn({ email, password, ...(askTenant && tenant ? { tenant } : {}) });
      queryClient.clear();
      queryClient.setQueryData(meKeys.me, who);
      await navigate({ href: safeNext(next), replace: true });
    } catch (caught) {
      const failure =
        caught instanceof ApiError ? caught : new ApiError({ type: 'about:blank', title: t('auth.failed'), status: 0 });
      if (failure.fieldErrors('tenant').length > 0) setAskTenant(true);
      setError(failure);
    } finally {
      setPending(false);
    }
  }

  const passwordForm = (
    <>
      <ErrorSummary error={error} />
      <Form onSubmit={(event) => void submit(event)} className="form" validationBehavior="aria">
        <TextField
          label={t('auth.email')}
          name="email"
          type="email"
          autoComplete="username"
          isRequired
          value={email}
          onChange={setEmail}
          errors={error?.fieldErrors('email')}
        />
        <TextField
          label={t('auth.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          isRequired
          value={password}
          onChange={setPassword}
          errors={error?.fieldErrors('password')}
        />
        {askTenant && (
          <TextField
            label={t('auth.tenant')}
            name="tenant"
            description={t('auth.tenantHelp')}
            value={tenant}
            onChange={setTenant}
            errors={error?.fieldErrors('tenant')}
          />
        )}
        <Button type="submit" className="button button-primary">
          {pending ? t('auth.signingIn') : t('auth.signIn')}
        </Button>
      </Form>
      <p>
        <Link to="/glomt-losenord">{t('auth.forgotLink')}</Link>
      </p>
    </>
  );

  return (
    <div className="narrow">
      <Page title={t('auth.signInTitle')}>
        {ssoFailure && <SsoFailureNotice code={ssoFailure} />}
        <SsoOptions organisation={organisation} next={safeNext(next)} onLoaded={learnOptions} />
        {ssoOnly ? (
          <details className="section">
            <summary>{t('sso.breakGlass')}</summary>
            <p className="field-description">{t('sso.breakGlassHelp')}</p>
            {passwordForm}
          </details>
        ) : (
          passwordForm
        )}
        <p className="hint">{t('auth.demoHint')}</p>
      </Page>
    </div>
  );
}
