import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  confirmSecondFactor,
  meKeys,
  regenerateRecoveryCodes,
  startSecondFactor,
  turnOffSecondFactor,
  type SecondFactorEnrolment,
} from '../../api/me.ts';
import { useMe } from '../../lib/use-me.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { CodeField, EnrolmentPanel, RecoveryCodesPanel } from './second-factor-parts.tsx';

/** What the section shows: the state, a setup under way, the recovery codes just made, or a form for new codes or turning off. */
type View =
  | { kind: 'idle' }
  | { kind: 'enrolling'; enrolment: SecondFactorEnrolment }
  | { kind: 'codes'; codes: string[] }
  | { kind: 'regenerate' }
  | { kind: 'turnOff' };

/** Tvåstegsverifiering on the own-account page: turn it on with an app, see the recovery codes once, make new ones, turn it off. */
export function SecondFactorSection() {
  const { t } = useI18n();
  const me = useMe().data;
  const queryClient = useQueryClient();
  const submit = useSubmit();
  const [view, setView] = useState<View>({ kind: 'idle' });
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [announcement, setAnnouncement] = useState('');
  if (!me) return null;
  const { enabled, required } = me.secondFactor;

  const refreshMe = () => queryClient.invalidateQueries({ queryKey: meKeys.me });
  const begin = () =>
    void submit.run(async () => {
      setAnnouncement('');
      setCode('');
      setView({ kind: 'enrolling', enrolment: await startSecondFactor() });
    });
  const showForm = (kind: 'regenerate' | 'turnOff') => {
    submit.setError(null);
    setAnnouncement('');
    setCode('');
    setPassword('');
    setView({ kind });
  };
  function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void submit.run(async () => {
      if (view.kind === 'enrolling') {
        const { recoveryCodes } = await confirmSecondFactor(code);
        setView({ kind: 'codes', codes: recoveryCodes });
        setAnnouncement(t('twoStep.enabled'));
        await refreshMe();
      } else if (view.kind === 'regenerate') {
        const { recoveryCodes } = await regenerateRecoveryCodes(code);
        setView({ kind: 'codes', codes: recoveryCodes });
      } else if (view.kind === 'turnOff') {
        await turnOffSecondFactor({ password, code });
        setView({ kind: 'idle' });
        setAnnouncement(t('twoStep.turnedOff'));
        await refreshMe();
      }
      setCode('');
      setPassword('');
    });
  }

  return (
    <section aria-labelledby="two-step-heading" className="section">
      <h2 id="two-step-heading">{t('twoStep.title')}</h2>
      <p>{t('twoStep.intro')}</p>
      <p role="status" className={announcement ? 'notice' : 'visually-hidden'}>
        {announcement}
      </p>
      {view.kind !== 'codes' && <p>{enabled ? t('twoStep.on') : t('twoStep.off')}</p>}
      {required && !enabled && <p className="notice notice-warning">{t('twoStep.requiredNotice')}</p>}
      <ErrorSummary error={submit.error} />
      {view.kind === 'codes' && <RecoveryCodesPanel codes={view.codes} onDone={() => setView({ kind: 'idle' })} />}
      {view.kind === 'idle' && !enabled && (
        <Button className="button button-primary" onPress={begin}>
          {submit.pending ? t('twoStep.starting') : t('twoStep.start')}
        </Button>
      )}
      {view.kind === 'idle' && enabled && (
        <p className="actions">
          <Button className="button" onPress={() => showForm('regenerate')}>
            {t('twoStep.regenerate')}
          </Button>{' '}
          {required ? (
            <span className="hint">{t('twoStep.required')}</span>
          ) : (
            <Button className="button" onPress={() => showForm('turnOff')}>
              {t('twoStep.turnOff')}
            </Button>
          )}
        </p>
      )}
      {(view.kind === 'enrolling' || view.kind === 'regenerate' || view.kind === 'turnOff') && (
        <>
          {view.kind === 'enrolling' && <EnrolmentPanel enrolment={view.enrolment} />}
          {view.kind === 'regenerate' && <p>{t('twoStep.regenerateHelp')}</p>}
          {view.kind === 'turnOff' && <p>{t('twoStep.turnOffHelp')}</p>}
          <Form onSubmit={send} className="form" validationBehavior="aria">
            {view.kind === 'turnOff' && (
              <TextField
                label={t('auth.password')}
                name="password"
                type="password"
                autoComplete="current-password"
                isRequired
                value={password}
                onChange={setPassword}
                errors={submit.fieldErrors('password')}
              />
            )}
            <CodeField value={code} onChange={setCode} errors={submit.fieldErrors('code')} />
            <p className="actions">
              <Button type="submit" className="button button-primary">
                {submit.pending
                  ? t('twoStep.confirming')
                  : view.kind === 'enrolling'
                    ? t('twoStep.confirm')
                    : view.kind === 'regenerate'
                      ? t('twoStep.regenerateSubmit')
                      : t('twoStep.turnOffSubmit')}
              </Button>{' '}
              <Button className="button button-quiet" onPress={() => setView({ kind: 'idle' })}>
                {t('twoStep.cancel')}
              </Button>
            </p>
          </Form>
        </>
      )}
    </section>
  );
}
