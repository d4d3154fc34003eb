import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { Page } from '../../components/page.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ApiError } from '../../lib/api.ts';
import { meKeys, signIn } from '../../api/me.ts';

/** Only addresses inside the application, so that a crafted link cannot send the user elsewhere. */
function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/logga-in') ? next : '/';
}

export function SignInPage() {
  const { t } = useI18n();
  const { next } = useSearch({ from: '/logga-in' });
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

  return (
    <div className="narrow">
      <Page title={t('auth.signInTitle')}>
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
        <p className="hint">{t('auth.demoHint')}</p>
      </Page>
    </div>
  );
}
