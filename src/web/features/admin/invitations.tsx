import { useEffect, useRef, useState } from 'react';
import { Field } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { OpenInvitation } from '../../api/invitations.ts';
import { formatDateTime } from '../../lib/format.ts';
import type { User } from '../../lib/reference-data.ts';

// Invitations on the users page (tenant administrator): a person with an e-mail address gets a
// one-time link to choose their password. Without mail the link is shown here once, for the
// administrator to pass on; it cannot be shown again.

/** A link that was not mailed, with whom it is for; shown once. */
export interface ShownInvitationLink {
  userId: string;
  name: string;
  email: string;
  link: string;
  expiresAt: string;
}

/** The id of a person's invite button, where focus returns after the link panel or a withdrawal. */
export function inviteButtonId(userId: string): string {
  return `invite-${userId}`;
}

/** Moves focus to a person's invite button (it is on the page whenever the person may be invited). */
export function focusInviteButton(userId: string) {
  document.getElementById(inviteButtonId(userId))?.focus();
}

/** Whether a person can be invited: they have an address to sign in with and have not left. */
function mayBeInvited(user: User): user is User & { email: string } {
  return user.email !== null && user.deactivatedAt === null;
}

/** A person's invitation in the table: its state and the actions on it. */
export function InvitationCell({
  user,
  open,
  onInvite,
  onWithdraw,
}: {
  user: User;
  open: OpenInvitation | undefined;
  onInvite: (user: User & { email: string }) => void;
  onWithdraw: () => void;
}) {
  const { t, formatLocale } = useI18n();
  if (!mayBeInvited(user)) return <>–</>;
  // The invite button keeps its place whether or not an invitation is open, so that focus stays on it.
  return (
    <>
      {open && (
        <p className="invitation-state">{t('invite.open', { time: formatDateTime(open.expiresAt, formatLocale) })}</p>
      )}
      <div className="button-row">
        <button
          type="button"
          id={inviteButtonId(user.id)}
          className="button button-small"
          onClick={() => onInvite(user)}
        >
          {open ? t('invite.again', { name: user.name }) : t('invite.send', { name: user.name })}
        </button>
        {open && (
          <button type="button" className="button button-small button-quiet" onClick={onWithdraw}>
            {t('invite.withdraw', { name: user.name })}
          </button>
        )}
      </div>
    </>
  );
}

/**
 * The link of an invitation that was not mailed, shown this once: it takes focus when it
 * appears, says that it is shown only now and is for the person alone, and can be copied.
 * Closing it returns focus to the person's invite button. Keyed by the link, so that a new
 * invitation starts afresh and takes focus again.
 */
export function InvitationLinkPanel({ shown, onClose }: { shown: ShownInvitationLink; onClose: () => void }) {
  const { t, formatLocale } = useI18n();
  const panel = useRef<HTMLElement>(null);
  const linkField = useRef<HTMLTextAreaElement>(null);
  const [copy, setCopy] = useState<'copied' | 'failed' | null>(null);
  useEffect(() => panel.current?.focus(), []);

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(shown.link);
      setCopy('copied');
    } catch {
      // No clipboard (an address without https, or refused): the link is selected for copying by hand.
      linkField.current?.focus();
      linkField.current?.select();
      setCopy('failed');
    }
  }

  return (
    <section
      ref={panel}
      tabIndex={-1}
      aria-labelledby="invitation-link-heading"
      aria-describedby="invitation-link-once"
      className="notice notice-warning invitation-link"
    >
      <h3 id="invitation-link-heading">{t('invite.linkHeading', { name: shown.name })}</h3>
      <p id="invitation-link-once">
        {t('invite.linkOnce', {
          name: shown.name,
          email: shown.email,
          time: formatDateTime(shown.expiresAt, formatLocale),
        })}
      </p>
      <Field label={t('invite.link')}>
        {(ids) => (
          <textarea
            {...ids}
            ref={linkField}
            readOnly
            rows={3}
            className="field-input secret"
            value={shown.link}
            onFocus={(event) => event.currentTarget.select()}
          />
        )}
      </Field>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={() => void copyLink()}>
          {t('invite.copy')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('invite.close')}
        </button>
      </div>
      <p role="status" className="invitation-copy-status">
        {copy === 'copied' ? t('invite.copied') : copy === 'failed' ? t('invite.copyFailed') : ''}
      </p>
    </section>
  );
}
