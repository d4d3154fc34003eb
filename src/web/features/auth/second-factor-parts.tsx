import { useState } from 'react';
import { Button } from 'react-aria-components';
import { TextField } from '../../components/text-field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { SecondFactorEnrolment } from '../../api/me.ts';

/** Moves focus to a heading when it appears, so that a screen reader starts reading the new step. */
export const focusOnMount = (node: HTMLElement | null) => node?.focus();

/** The six digits from the authenticator app; phones and password managers offer it (one-time-code). */
export function CodeField({
  value,
  onChange,
  errors,
  label,
  name = 'code',
}: {
  value: string;
  onChange: (value: string) => void;
  errors: string[] | undefined;
  label?: string;
  name?: string;
}) {
  const { t } = useI18n();
  return (
    <TextField
      label={label ?? t('twoStep.code')}
      name={name}
      autoComplete="one-time-code"
      inputMode="numeric"
      description={t('twoStep.codeHelp')}
      isRequired
      value={value}
      onChange={onChange}
      errors={errors}
    />
  );
}

/** The QR code to scan, and the key to type for whoever cannot scan. */
export function EnrolmentPanel({ enrolment }: { enrolment: SecondFactorEnrolment }) {
  const { t } = useI18n();
  return (
    <div className="two-step-enrolment">
      <p>{t('twoStep.scan')}</p>
      <img src={enrolment.qrCode} alt={t('twoStep.qrAlt')} width={200} height={200} className="qr-code" />
      <p>
        {t('twoStep.manualKey')} <code className="manual-key">{enrolment.secret.replace(/(.{4})(?=.)/g, '$1 ')}</code>
      </p>
    </div>
  );
}

/** The recovery codes, shown once: to copy, print or write down before going on. */
export function RecoveryCodesPanel({
  codes,
  onDone,
  doneLabel,
}: {
  codes: string[];
  onDone: () => void;
  doneLabel?: string;
}) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <section aria-labelledby="recovery-codes-heading" className="section recovery-codes">
      <h2 id="recovery-codes-heading" tabIndex={-1} ref={focusOnMount}>
        {t('twoStep.recoveryTitle')}
      </h2>
      <p>{t('twoStep.recoveryIntro')}</p>
      <ul className="plain-list recovery-code-list" aria-label={t('twoStep.recoveryTitle')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p className="actions">
        <Button className="button" onPress={() => void copy()}>
          {t('twoStep.recoveryCopy')}
        </Button>{' '}
        <Button className="button" onPress={() => window.print()}>
          {t('twoStep.recoveryPrint')}
        </Button>{' '}
        <Button className="button button-primary" onPress={onDone}>
          {doneLabel ?? t('twoStep.recoverySaved')}
        </Button>
      </p>
      <p role="status" className={copied ? 'notice' : 'visually-hidden'}>
        {copied ? t('twoStep.recoveryCopied') : ''}
      </p>
    </section>
  );
}
