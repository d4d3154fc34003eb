import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { LoadFailed, Loading } from '../../components/page.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { Field } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  createScimToken,
  revokeScimToken,
  scimQueries,
  type CreatedScimToken,
  type ScimToken,
} from '../../api/scim.ts';
import { invalidateScimTokens } from '../../api/invalidation.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { AdminPage } from './admin-nav.tsx';

/**
 * Katalogsynkronisering: the SCIM address and tokens with which Entra ID (or another directory)
 * provisions the tenant's people and groups, and the groups it has sent, for writing role rules.
 * A token is shown once, when created; revoking asks first.
 */
export function DirectoryAdminPage() {
  const { t } = useI18n();
  const tokens = useQuery(scimQueries.tokens());
  const groups = useQuery(scimQueries.groups());
  const queryClient = useQueryClient();
  const submit = useSubmit();
  const [created, setCreated] = useState<CreatedScimToken | null>(null);
  const createButton = useRef<HTMLButtonElement>(null);
  const error = tokens.error ?? groups.error;
  if (error)
    return (
      <AdminPage title={t('admin.directory')}>
        <LoadFailed error={error} />
      </AdminPage>
    );
  if (!tokens.data || !groups.data)
    return (
      <AdminPage title={t('admin.directory')}>
        <Loading />
      </AdminPage>
    );

  const create = () =>
    submit.run(async () => {
      setCreated(await createScimToken());
      await invalidateScimTokens(queryClient);
    });

  return (
    <AdminPage title={t('admin.directory')}>
      <p className="lead">{t('admin.directoryIntro')}</p>
      <ErrorSummary error={submit.error} />
      <section aria-labelledby="scim-address-heading" className="section">
        <h2 id="scim-address-heading">{t('admin.scimAddress')}</h2>
        <p>
          <code className="secret">{tokens.data.baseUrl}</code>
        </p>
        <p className="hint">{t('admin.scimAddressHelp')}</p>
      </section>
      <section aria-labelledby="scim-tokens-heading" className="section">
        <h2 id="scim-tokens-heading">{t('admin.scimTokens')}</h2>
        {created && (
          <CreatedTokenPanel
            created={created}
            onClose={() => {
              setCreated(null);
              createButton.current?.focus();
            }}
          />
        )}
        {tokens.data.items.length === 0 ? (
          <p>{t('admin.noScimTokens')}</p>
        ) : (
          <TokenTable
            tokens={tokens.data.items}
            onRevoke={(token) =>
              submit.run(async () => {
                await revokeScimToken(token.id);
                await invalidateScimTokens(queryClient);
              })
            }
          />
        )}
        <p className="hint" id="create-scim-token-help">
          {t('admin.createScimTokenHelp')}
        </p>
        <button
          ref={createButton}
          type="button"
          className="button button-primary"
          aria-describedby="create-scim-token-help"
          onClick={() => void create()}
        >
          {t('admin.createScimToken')}
        </button>
      </section>
      <section aria-labelledby="directory-groups-heading" className="section">
        <h2 id="directory-groups-heading">{t('admin.directoryGroups')}</h2>
        <p>{t('admin.directoryGroupsIntro')}</p>
        {groups.data.length === 0 ? (
          <p>{t('admin.noDirectoryGroups')}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="directory-groups-caption" tabIndex={0}>
            <table className="table">
              <caption id="directory-groups-caption" className="visually-hidden">
                {t('admin.directoryGroups')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.groupName')}</th>
                  <th scope="col">{t('admin.groupExternalId')}</th>
                  <th scope="col">{t('admin.memberCount')}</th>
                </tr>
              </thead>
              <tbody>
                {groups.data.map((group) => (
                  <tr key={group.id}>
                    <th scope="row">{group.displayName}</th>
                    <td className="secret">{group.externalId ?? '–'}</td>
                    <td>{group.memberCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </AdminPage>
  );
}

/** The tokens, newest first; revoking one asks in its row before it is done. */
function TokenTable({ tokens, onRevoke }: { tokens: ScimToken[]; onRevoke: (token: ScimToken) => Promise<unknown> }) {
  const { t, formatLocale } = useI18n();
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <div className="table-scroll" role="region" aria-labelledby="scim-tokens-caption" tabIndex={0}>
      <table className="table">
        <caption id="scim-tokens-caption" className="visually-hidden">
          {t('admin.scimTokens')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.scimToken')}</th>
            <th scope="col">{t('admin.scimTokenCreatedAt')}</th>
            <th scope="col">{t('admin.lastUsed')}</th>
            <th scope="col">{t('admin.state')}</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id}>
              <th scope="row">
                <span className="secret">{token.prefix}…</span>
              </th>
              <td>{formatDateTime(token.createdAt, formatLocale)}</td>
              <td>{formatDateTime(token.lastUsedAt, formatLocale)}</td>
              <td>
                {token.revokedAt ? (
                  `${t('admin.revoked')} ${formatDateTime(token.revokedAt, formatLocale)}`
                ) : confirming === token.id ? (
                  <RevokeQuestion
                    token={token}
                    onConfirm={async () => {
                      await onRevoke(token);
                      setConfirming(null);
                    }}
                    onCancel={() => {
                      // Rendered at once, so that focus can return to the revoke button.
                      flushSync(() => setConfirming(null));
                      document.getElementById(`revoke-${token.id}`)?.focus();
                    }}
                  />
                ) : (
                  <>
                    {t('admin.scimTokenActive')}{' '}
                    <button
                      id={`revoke-${token.id}`}
                      type="button"
                      className="button button-small"
                      onClick={() => setConfirming(token.id)}
                    >
                      {t('admin.revokeScimToken', { prefix: token.prefix })}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Revoke scim_abc…?" with Yes and Cancel; focus moves to the question so it is read out. */
function RevokeQuestion({
  token,
  onConfirm,
  onCancel,
}: {
  token: ScimToken;
  onConfirm: () => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => question.current?.focus(), []);
  return (
    <div role="group" aria-labelledby={`revoke-question-${token.id}`}>
      <p id={`revoke-question-${token.id}`} ref={question} tabIndex={-1}>
        {t('admin.confirmRevokeScimToken', { prefix: token.prefix })}
      </p>
      <div className="button-row">
        <button type="button" className="button button-small" onClick={() => void onConfirm()}>
          {t('admin.confirmRevoke')}
        </button>
        <button type="button" className="button button-small" onClick={onCancel}>
          {t('admin.cancelRevoke')}
        </button>
      </div>
    </div>
  );
}

/** The new token, shown this once, with the address, a copy button and a close button. */
function CreatedTokenPanel({ created, onClose }: { created: CreatedScimToken; onClose: () => void }) {
  const { t } = useI18n();
  const panel = useRef<HTMLElement>(null);
  const tokenField = useRef<HTMLTextAreaElement>(null);
  const [copy, setCopy] = useState<'copied' | 'failed' | null>(null);
  useEffect(() => panel.current?.focus(), []);

  async function copyToken() {
    try {
      await navigator.clipboard.writeText(created.token);
      setCopy('copied');
    } catch {
      // No clipboard (an address without https, or refused): the token is selected for copying by hand.
      tokenField.current?.focus();
      tokenField.current?.select();
      setCopy('failed');
    }
  }

  return (
    <section
      ref={panel}
      tabIndex={-1}
      aria-labelledby="scim-token-heading"
      aria-describedby="scim-token-once"
      className="notice notice-warning invitation-link"
    >
      <h3 id="scim-token-heading">{t('admin.scimTokenCreated')}</h3>
      <p id="scim-token-once">{t('admin.scimTokenOnce')}</p>
      <Field label={t('admin.scimAddress')}>
        {(ids) => (
          <input
            {...ids}
            readOnly
            className="field-input secret"
            value={created.baseUrl}
            onFocus={(event) => event.currentTarget.select()}
          />
        )}
      </Field>
      <Field label={t('admin.scimSecret')}>
        {(ids) => (
          <textarea
            {...ids}
            ref={tokenField}
            readOnly
            rows={2}
            className="field-input secret"
            value={created.token}
            onFocus={(event) => event.currentTarget.select()}
          />
        )}
      </Field>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={() => void copyToken()}>
          {t('admin.copyScimToken')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('admin.closeScimToken')}
        </button>
      </div>
      <p role="status" className="invitation-copy-status">
        {copy === 'copied' ? t('admin.scimTokenCopied') : copy === 'failed' ? t('admin.scimTokenCopyFailed') : ''}
      </p>
    </section>
  );
}
