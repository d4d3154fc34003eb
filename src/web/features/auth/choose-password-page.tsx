import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { choosePasswordWithLink, oneTimeLinkQueries, type LinkDescription } from '../../api/one-time-links.ts';
import { meKeys } from '../../api/me.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { LoadFailed, Loading, Page } from '../../components/page.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';

/** The shortest password the server accepts (the contract's rule, checked here before sending). */
const PASSWORD_MIN_LENGTH = 12;

/** The fragment of the address (after #), where a link carries its secret; null when there is none. */
function fragment(): string | null {
  return window.location.hash.slice(1) || null;
}

/** Takes the fragment out of the address bar, so that the secret is not left in the history, a bookmark or a screenshot. */
function forgetFragment() {
  if (window.location.hash !== '')
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}`);
}

/**
 * The secret of the link the person opened, from the address's fragment (which the browser never
 * sends to a server), read once and then taken out of the address bar; null when there is none. A
 * link pasted into the address bar of this page (where only the fragment changes and the page is
 * not loaded again) is read the same way.
 */
function useLinkSecret(): string | null {
  const [secret, setSecret] = useState(fragment);
  useEffect(() => {
    forgetFragment();
    const takeNewLink = () => {
      const pasted = fragment();
      if (pasted === null) return;
      setSecret(pasted);
      forgetFragment();
    };
    window.addEventListener('hashchange', takeNewLink);
    return () => window.removeEventListener('hashchange', takeNewLink);
  }, []);
  return secret;
}

/**
 * A person opens the one-time link they were sent (a first administrator, an invitation, a
 * forgotten password), sees whose account it is, chooses a password and is signed in.
 */
export function ChoosePasswordPage() {
  const secret = useLinkSecret();
  // Another link starts afresh: its own description, an empty form.
  return secret === null ? (
    <LinkRefused title="link.missingTitle" text="link.missing" />
  ) : (
    <LinkOf key={secret} secret={secret} />
  );
}

function LinkOf({ secret }: { secret: string }) {
  const { t } = useI18n();
  const link = useQuery(oneTimeLinkQueries.description(secret));
  if (link.error instanceof ApiError && link.error.status >= 400 && link.error.status < 500)
    return <UnusableLink error={link.error} />;
  if (link.error)
    return (
      <div className="narrow">
        <Page title={t('link.title')}>
          <LoadFailed error={link.error} retry={() => void link.refetch()} />
        </Page>
      </div>
    );
  if (!link.data)
    return (
      <div className="narrow">
        <Page title={t('link.title')}>
          <Loading />
        </Page>
      </div>
    );
  return <ChoosePasswordForm secret={secret} link={link.data} />;
}

/** Why a link cannot be used, and what to do instead. */
function UnusableLink({ error }: { error: ApiError }) {
  const reason = (error.problem as { reason?: unknown }).reason;
  if (error.status === 410 && reason === 'used') return <LinkRefused title="link.usedTitle" text="link.used" signIn />;
  if (error.status === 410 && reason === 'expired')
    return <LinkRefused title="link.expiredTitle" text="link.expired" askAgain />;
  if (error.status === 410) return <LinkRefused title="link.withdrawnTitle" text="link.withdrawn" />;
  // The person is deactivated or the organisation suspended: the server's words say which.
  if (error.status === 403)
    return <LinkRefused title="link.refusedTitle" detail={error.problem.detail ?? error.message} />;
  return <LinkRefused title="link.unknownTitle" text="link.unknown" />;
}

function LinkRefused({
  title,
  text,
  detail,
  signIn = false,
  askAgain = false,
}: {
  title:
    | 'link.missingTitle'
    | 'link.unknownTitle'
    | 'link.usedTitle'
    | 'link.expiredTitle'
    | 'link.withdrawnTitle'
    | 'link.refusedTitle';
  text?: 'link.missing' | 'link.unknown' | 'link.used' | 'link.expired' | 'link.withdrawn';
  detail?: string;
  signIn?: boolean;
  /** A way to ask for a new link oneself (a forgotten password's link lasts an hour). */
  askAgain?: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className="narrow">
      <Page title={t(title)}>
        <p className="lead">{text ? t(text) : detail}</p>
        {signIn && (
          <p>
            <Link to="/logga-in" search={{ next: undefined }} className="button button-primary">
              {t('link.toSignIn')}
            </Link>
          </p>
        )}
        {askAgain && (
          <p>
            <Link to="/glomt-losenord">{t('link.askAgain')}</Link>
          </p>
        )}
      </Page>
    </div>
  );
}

/** The page's heading and first line by what the link is for: a first password, an invitation, a new password. */
function wordsFor(purpose: LinkDescription['purpose']) {
  switch (purpose) {
    case 'invitation':
      return { title: 'link.invitationTitle', forWhom: 'link.invitationForWhom' } as const;
    case 'password_reset':
      return { title: 'link.resetTitle', forWhom: 'link.resetForWhom' } as const;
    case 'set_password':
      return { title: 'link.title', forWhom: 'link.forWhom' } as const;
  }
}

function ChoosePasswordForm({ secret, link }: { secret: string; link: LinkDescription }) {
  const { t, formatLocale } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // A second press while the first is on its way would find the link used.
    if (pending) return;
    const problems = [
      ...(password.length < PASSWORD_MIN_LENGTH ? [{ path: 'password', message: t('newPassword.tooShort') }] : []),
      ...(password !== repeat ? [{ path: 'repeat', message: t('newPassword.mismatch') }] : []),
    ];
    if (problems.length > 0) {
      setError(new ApiError({ type: 'about:blank', title: t('newPassword.invalid'), status: 400, errors: problems }));
      return;
    }
    setPending(true);
    try {
      const who = await choosePasswordWithLink({ secret, password });
      // With two-step verification the password is set but the sign-in needs the code: from the sign-in page.
      if ('step' in who) {
        await navigate({ to: '/logga-in', replace: true });
        return;
      }
      // As after signing in: nothing cached from before belongs to the person now signed in.
      queryClient.clear();
      queryClient.setQueryData(meKeys.me, who);
      await navigate({ to: '/', replace: true });
    } catch (caught) {
      setError(
        caught instanceof ApiError ? caught : new ApiError({ type: 'about:blank', title: t('link.failed'), status: 0 }),
      );
    } finally {
      setPending(false);
    }
  }

  const used = error?.status === 410 && (error.problem as { reason?: unknown }).reason === 'used';
  const words = wordsFor(link.purpose);
  return (
    <div className="narrow">
      <Page title={t(words.title)}>
        <p className="lead">{t(words.forWhom, { name: link.user.name, tenant: link.tenant.name })}</p>
        {link.user.email && <p>{t('link.signInWith', { email: link.user.email })}</p>}
        <p>{t('link.validUntil', { time: formatDateTime(link.expiresAt, formatLocale) })}</p>
        <ErrorSummary error={error} />
        {used && (
          <p>
            <Link to="/logga-in" search={{ next: undefined }}>
              {t('link.toSignIn')}
            </Link>
          </p>
        )}
        <Form onSubmit={(event) => void submit(event)} className="form" validationBehavior="aria">
          {/* For password managers: the account the new password belongs to. */}
          {link.user.email && (
            <input type="email" name="username" autoComplete="username" value={link.user.email} readOnly hidden />
          )}
          <TextField
            label={t('link.password')}
            name="password"
            type="password"
            autoComplete="new-password"
            description={t('newPassword.help')}
            isRequired
            value={password}
            onChange={setPassword}
            errors={error?.fieldErrors('password')}
          />
          <TextField
            label={t('newPassword.repeat')}
            name="repeat"
            type="password"
            autoComplete="new-password"
            isRequired
            value={repeat}
            onChange={setRepeat}
            errors={error?.fieldErrors('repeat')}
          />
          <Button type="submit" className="button button-primary">
            {pending ? t('link.submitting') : t('link.submit')}
          </Button>
        </Form>
      </Page>
    </div>
  );
}
