import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { Page } from '../../components/page.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ApiError } from '../../lib/api.ts';
import { changePassword } from '../../api/me.ts';
import { SecondFactorSection } from './second-factor-section.tsx';

/** A person changes their own password (their other sessions end, this one stays) and manages their two-step verification. */
export function ChangePasswordPage() {
  const { t } = useI18n();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const [changed, setChanged] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setChanged(false);
    try {
      await changePassword({ currentPassword, newPassword });
      setError(null);
      setCurrentPassword('');
      setNewPassword('');
      setChanged(true);
    } catch (caught) {
      setError(
        caught instanceof ApiError
          ? caught
          : new ApiError({ type: 'about:blank', title: t('password.failed'), status: 0 }),
      );
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="narrow">
      <Page title={t('password.title')}>
        {changed && (
          <p role="status" className="notice">
            {t('password.changed')}
          </p>
        )}
        <ErrorSummary error={error} />
        <Form onSubmit={(event) => void submit(event)} className="form" validationBehavior="aria">
          <TextField
            label={t('password.current')}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            isRequired
            value={currentPassword}
            onChange={setCurrentPassword}
            errors={error?.fieldErrors('currentPassword')}
          />
          <TextField
            label={t('password.new')}
            name="newPassword"
            type="password"
            autoComplete="new-password"
            description={t('password.newHelp')}
            isRequired
            value={newPassword}
            onChange={setNewPassword}
            errors={error?.fieldErrors('newPassword')}
          />
          <Button type="submit" className="button button-primary">
            {pending ? t('form.saving') : t('password.submit')}
          </Button>
        </Form>
        <SecondFactorSection />
      </Page>
    </div>
  );
}
