import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { Page } from '../../components/page.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ApiError } from '../../lib/api.ts';
import {
  completeSignIn,
  confirmSignInEnrolment,
  meKeys,
  signIn,
  startSignInEnrolment,
  type Me,
  type SecondFactorEnrolment,
} from '../../api/me.ts';
import { CodeField, EnrolmentPanel, focusOnMount, RecoveryCodesPanel } from './second-factor-parts.tsx';
import type { SignInOptions } from '../../api/sign-in-options.ts';
import { SsoFailureNotice, SsoOptions } from './sso-sign-in.tsx';

/** Only addresses inside the application, so that a crafted link cannot send the user elsewhere. */
function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/logga-in') ? next : '/';
}

/**
 * Where a sign-in is: the password; a code from the app (or a recovery code); setting up two-step
 * verification when the organisation requires it of administrators; the recovery codes just made.
 */
type Stage =
  | { kind: 'password' }
  | { kind: 'verify'; useRecovery: boolean }
  | { kind: 'enrol'; enrolment: SecondFactorEnrolment }
  | { kind: 'codes'; who: Me; codes: string[] };

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
  const [code, setCode] = useState('');
  const [stage, setStage] = useState<Stage>({ kind: 'password' });
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);

  async function enter(who: Me) {
    queryClient.clear();
    queryClient.setQueryData(meKeys.me, who);
    await navigate({ href: safeNext(next), replace: true });
  }

  /** Runs one step; a refusal is shown, and one that ended the sign-in leads back to the password. */
  async function step(work: () => Promise<void>) {
    // A second press while the first is on its way would only repeat it.
    if (pending) return;
    setPending(true);
    try {
      await work();
      setError(null);
    } catch (caught) {
      const failure =
        caught instanceof ApiError ? caught : new ApiError({ type: 'about:blank', title: t('auth.failed'), status: 0 });
      if (failure.fieldErrors('tenant').length > 0) setAskTenant(true);
      if (stage.kind !== 'password' && failure.status === 401) {
        setStage({ kind: 'password' });
        setPassword('');
      }
      setError(failure);
    } finally {
      setPending(false);
    }
  }

  function submitPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void step(async () => {
      const answer = await signIn({ email, password, ...(askTenant && tenant ? { tenant } : {}) });
      setCode('');
      if (!('step' in answer)) return enter(answer);
      if (answer.step === 'verify') return setStage({ kind: 'verify', useRecovery: false });
      setStage({ kind: 'enrol', enrolment: await startSignInEnrolment() });
    });
  }

  function submitCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void step(async () => {
      if (stage.kind === 'verify')
        return enter(await completeSignIn(stage.useRecovery ? { recoveryCode: code } : { code }));
      const enrolled = await confirmSignInEnrolment(code);
      setStage({ kind: 'codes', who: enrolled.me, codes: enrolled.recoveryCodes });
    });
  }

  if (stage.kind === 'codes') {
    return (
      <div className="narrow">
        <Page title={t('twoStep.enrolTitle')}>
          <p role="status" className="notice">
            {t('twoStep.enabled')}
          </p>
          <RecoveryCodesPanel
            codes={stage.codes}
            doneLabel={t('twoStep.continue')}
            onDone={() => void enter(stage.who)}
          />
        </Page>
      </div>
    );
  }

  if (stage.kind !== 'password') {
    const recovery = stage.kind === 'verify' && stage.useRecovery;
    return (
      <div className="narrow">
        <Page title={t('auth.signInTitle')}>
          <h2 tabIndex={-1} ref={focusOnMount}>
            {stage.kind === 'verify' ? t('twoStep.signInTitle') : t('twoStep.enrolTitle')}
          </h2>
          <ErrorSummary error={error} />
          {stage.kind === 'verify' ? <p>{t('twoStep.signInIntro')}</p> : <p>{t('twoStep.enrolIntro')}</p>}
          {stage.kind === 'enrol' && <EnrolmentPanel enrolment={stage.enrolment} />}
          <Form onSubmit={submitCode} className="form" validationBehavior="aria">
            {recovery ? (
              <TextField
                key="recoveryCode"
                label={t('twoStep.recoveryCode')}
                name="recoveryCode"
                autoComplete="off"
                description={t('twoStep.recoveryCodeHelp')}
                isRequired
                value={code}
                onChange={setCode}
                errors={error?.fieldErrors('recoveryCode')}
              />
            ) : (
              <CodeField key="code" value={code} onChange={setCode} errors={error?.fieldErrors('code')} />
            )}
            <Button type="submit" className="button button-primary">
              {pending ? t('twoStep.verifying') : stage.kind === 'verify' ? t('twoStep.verify') : t('twoStep.confirm')}
            </Button>
          </Form>
          {stage.kind === 'verify' && (
            <p>
              <Button
                className="button button-quiet"
                onPress={() => {
                  setCode('');
                  setError(null);
                  setStage({ kind: 'verify', useRecovery: !recovery });
                }}
              >
                {recovery ? t('twoStep.useCode') : t('twoStep.useRecovery')}
              </Button>
            </p>
          )}
          <p>
            <Button
              className="button button-quiet"
              onPress={() => {
                setError(null);
                setPassword('');
                setStage({ kind: 'password' });
              }}
            >
              {t('twoStep.startOver')}
            </Button>
          </p>
        </Page>
      </div>
    );
  }

  const passwordForm = (
    <>
      <ErrorSummary error={error} />
      <Form onSubmit={submitPassword} className="form" validationBehavior="aria">
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
