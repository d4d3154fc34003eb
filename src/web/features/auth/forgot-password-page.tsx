import { Link } from '@tanstack/react-router';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { requestPasswordReset } from '../../api/one-time-links.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { Page } from '../../components/page.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ApiError } from '../../lib/api.ts';

/** Something, an @ and something with a dot: enough to catch a name typed instead of an address. */
const LOOKS_LIKE_AN_ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A person who forgot their password asks for a link to choose a new one. The page answers with
 * the server's words, the same whether or not the address has an account, and stays: nothing
 * here tells whether an address is known.
 */
export function ForgotPasswordPage() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  /** The server's answer, and how many times it was given (so that asking again is read out again). */
  const [answer, setAnswer] = useState<{ message: string; count: number } | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const address = email.trim();
    const problem =
      address === '' ? t('forgot.emailMissing') : LOOKS_LIKE_AN_ADDRESS.test(address) ? null : t('forgot.emailInvalid');
    if (problem) {
      setAnswer(null);
      setError(
        new ApiError({
          type: 'about:blank',
          title: t('forgot.invalid'),
          status: 400,
          errors: [{ path: 'email', message: problem }],
        }),
      );
      return;
    }
    setPending(true);
    try {
      const { message } = await requestPasswordReset({ email: address });
      setError(null);
      setAnswer((previous) => ({ message, count: (previous?.count ?? 0) + 1 }));
    } catch (caught) {
      setAnswer(null);
      setError(
        caught instanceof ApiError
          ? caught
          : new ApiError({ type: 'about:blank', title: t('forgot.failed'), status: 0 }),
      );
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="narrow">
      <Page title={t('forgot.title')}>
        <p className="lead">{t('forgot.intro')}</p>
        {answer && <Answer key={answer.count} message={answer.message} />}
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
          <Button type="submit" className="button button-primary">
            {pending ? t('forgot.submitting') : t('forgot.submit')}
          </Button>
        </Form>
        <p className="hint">{t('forgot.noMail')}</p>
        <p>
          <Link to="/logga-in" search={{ next: undefined }}>
            {t('forgot.toSignIn')}
          </Link>
        </p>
      </Page>
    </div>
  );
}

/** The server's answer: a status that takes focus, so that it is read out at once. */
function Answer({ message }: { message: string }) {
  const box = useRef<HTMLParagraphElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <p ref={box} tabIndex={-1} role="status" className="notice">
      {message}
    </p>
  );
}
