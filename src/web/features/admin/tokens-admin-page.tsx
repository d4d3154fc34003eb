import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { LoadFailed, Loading } from '../../components/page.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { InputField, SelectField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  apiTokenQueries,
  createApiToken,
  revokeApiToken,
  type ApiToken,
  type CreatedApiToken,
} from '../../api/api-tokens.ts';
import { invalidateApiTokens } from '../../api/invalidation.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { useUsers } from '../../lib/reference-data.ts';
import { AdminPage } from './admin-nav.tsx';

/** API tokens for integrations (Power BI, the e-archive …): created with read or read-write access, shown once, revocable. */
export function TokensAdminPage() {
  const { t, formatLocale } = useI18n();
  const tokens = useQuery(apiTokenQueries.list());
  const users = useUsers();
  const queryClient = useQueryClient();
  const submit = useSubmit();
  const [values, setValues] = useState({ name: '', userId: '', access: 'read' });
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const error = tokens.error ?? users.error;
  if (error)
    return (
      <AdminPage title={t('admin.tokens')}>
        <LoadFailed error={error} />
      </AdminPage>
    );
  if (!tokens.data || !users.data)
    return (
      <AdminPage title={t('admin.tokens')}>
        <Loading />
      </AdminPage>
    );
  const names = new Map(users.data.map((user) => [user.id, user.name]));
  const refresh = () => invalidateApiTokens(queryClient);

  async function create(event: FormEvent) {
    event.preventDefault();
    await submit.run(async () => {
      const token = await createApiToken({
        name: values.name,
        access: values.access as ApiToken['access'],
        ...(values.userId ? { userId: values.userId } : {}),
      });
      setCreated(token);
      setValues({ name: '', userId: '', access: 'read' });
      await refresh();
    });
  }

  return (
    <AdminPage title={t('admin.tokens')}>
      <p className="lead">{t('admin.tokensIntro')}</p>
      <ErrorSummary error={submit.error} />
      {created && (
        <div role="status" className="notice notice-warning">
          <p>
            <strong>{t('admin.tokenCreated', { name: created.name })}</strong> {t('admin.tokenOnce')}
          </p>
          <p>
            <code className="secret">{created.token}</code>
          </p>
        </div>
      )}
      {tokens.data.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby="tokens-caption" tabIndex={0}>
          <table className="table">
            <caption id="tokens-caption" className="visually-hidden">
              {t('admin.tokens')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.name')}</th>
                <th scope="col">{t('admin.person')}</th>
                <th scope="col">{t('admin.access')}</th>
                <th scope="col">{t('admin.lastUsed')}</th>
                <th scope="col">{t('admin.state')}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((token) => (
                <tr key={token.id}>
                  <th scope="row">
                    {token.name} <span className="muted">({token.prefix}…)</span>
                  </th>
                  <td>{names.get(token.userId) ?? '–'}</td>
                  <td>{t(`tokenAccess.${token.access}`)}</td>
                  <td>{formatDateTime(token.lastUsedAt, formatLocale)}</td>
                  <td>
                    {token.revokedAt ? (
                      t('admin.revoked')
                    ) : (
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() =>
                          void submit.run(async () => {
                            await revokeApiToken(token.id);
                            await refresh();
                          })
                        }
                      >
                        {t('admin.revokeToken', { name: token.name })}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="new-token-heading" className="section">
        <h2 id="new-token-heading">{t('admin.newToken')}</h2>
        <form className="form" noValidate onSubmit={(event) => void create(event)}>
          <div className="field-row">
            <InputField
              label={t('admin.tokenName')}
              description={t('admin.tokenNameHelp')}
              isRequired
              value={values.name}
              onChange={(name) => setValues({ ...values, name })}
              errors={submit.fieldErrors('name')}
            />
            <SelectField
              label={t('admin.tokenPerson')}
              description={t('admin.tokenPersonHelp')}
              value={values.userId}
              onChange={(userId) => setValues({ ...values, userId })}
              options={users.data
                .filter((user) => !user.deactivatedAt)
                .map((user) => ({ value: user.id, label: user.name }))}
              emptyLabel={t('admin.tokenMe')}
              errors={submit.fieldErrors('userId')}
            />
            <SelectField
              label={t('admin.access')}
              value={values.access}
              onChange={(access) => setValues({ ...values, access })}
              options={(['read', 'read_write'] as const).map((access) => ({
                value: access,
                label: t(`tokenAccess.${access}`),
              }))}
            />
          </div>
          <button type="submit" className="button button-primary">
            {submit.pending ? t('form.saving') : t('admin.createToken')}
          </button>
        </form>
      </section>
    </AdminPage>
  );
}
