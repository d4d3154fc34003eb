import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { signInOptionQueries, type SignInOptions } from '../../api/sign-in-options.ts';
import { TextField } from '../../components/text-field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/sv.ts';

/** Where the sign-in page remembers the organisation last signed in through, for the next visit. */
const ORGANISATION_KEY = 'uppsikt.organisation';

/** Why a sign-in through the organisation's identity provider failed (the server's codes), and what to tell. */
const FAILURES = {
  unknown_provider: 'sso.failure.unknown_provider',
  state_unknown: 'sso.failure.state_unknown',
  state_expired: 'sso.failure.state_expired',
  provider_refused: 'sso.failure.provider_refused',
  provider_unreachable: 'sso.failure.provider_unreachable',
  token_rejected: 'sso.failure.token_rejected',
  missing_subject: 'sso.failure.missing_subject',
  missing_email: 'sso.failure.missing_email',
  no_role: 'sso.failure.no_role',
  identity_conflict: 'sso.failure.identity_conflict',
  deactivated: 'sso.failure.deactivated',
  suspended: 'sso.failure.suspended',
} as const satisfies Record<string, MessageKey>;

/** The failure's explanation; an unknown code (a newer server) gets the general one. */
export function SsoFailureNotice({ code }: { code: string }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), [code]);
  const key: MessageKey = Object.hasOwn(FAILURES, code) ? FAILURES[code as keyof typeof FAILURES] : 'sso.failure.other';
  return (
    <div ref={box} tabIndex={-1} role="alert" className="notice notice-error">
      <h2>{t('sso.failedTitle')}</h2>
      <p>{t(key as 'sso.failure.other')}</p>
    </div>
  );
}

function rememberedOrganisation(): string | undefined {
  try {
    return localStorage.getItem(ORGANISATION_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * The organisation's ways of signing in (its identity providers) above the password form. The
 * organisation comes from the address (`?organisation=malmo`, a link a municipality puts on its
 * intranet), from the last visit, or is the installation's only one; otherwise the person can
 * name it. Tells the page whether the password form is still for everyone.
 */
export function SsoOptions({
  organisation,
  next,
  onLoaded,
}: {
  organisation: string | undefined;
  next: string;
  onLoaded: (options: SignInOptions) => void;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const asked = organisation ?? rememberedOrganisation();
  const options = useQuery(signInOptionQueries.of(asked));
  const [typed, setTyped] = useState('');
  useEffect(() => {
    if (options.data) onLoaded(options.data);
  }, [options.data, onLoaded]);
  if (!options.data) return null;
  const { organisation: found, options: buttons } = options.data;

  function chooseOrganisation(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const slug = typed.trim().toLowerCase();
    if (slug) void navigate({ to: '/logga-in', search: (previous) => ({ ...previous, organisation: slug }) });
  }

  if (found === null) {
    return (
      <section aria-labelledby="sso-organisation-heading" className="section">
        <h2 id="sso-organisation-heading">{t('sso.organisationHeading')}</h2>
        {asked && <p className="field-error">{t('sso.organisationUnknown', { slug: asked })}</p>}
        <Form onSubmit={chooseOrganisation} className="form" validationBehavior="aria">
          <TextField
            label={t('sso.organisation')}
            name="organisation"
            description={t('sso.organisationHelp')}
            value={typed}
            onChange={setTyped}
          />
          <Button type="submit" className="button">
            {t('sso.showOptions')}
          </Button>
        </Form>
      </section>
    );
  }
  if (buttons.length === 0) return null;
  return (
    <>
      <section aria-labelledby="sso-heading" className="section">
        <h2 id="sso-heading">{t('sso.heading', { organisation: found.name })}</h2>
        <ul className="plain-list sso-options">
          {buttons.map((button) => (
            <li key={button.signIn}>
              <a
                className="button button-primary"
                href={`${button.signIn}?${new URLSearchParams({ returnTo: next }).toString()}`}
                onClick={() => {
                  try {
                    localStorage.setItem(ORGANISATION_KEY, found.slug);
                  } catch {
                    // A browser that keeps nothing simply asks again next time.
                  }
                }}
              >
                {t('sso.signInWith', { name: button.name })}
              </a>
            </li>
          ))}
        </ul>
      </section>
      {options.data.passwordSignIn && <h2>{t('sso.passwordHeading')}</h2>}
    </>
  );
}
