import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useId, useRef, useState } from 'react';
import {
  createIdentityProvider,
  identityProviderQueries,
  setIdentityProviderArchived,
  startTestSignIn,
  updateIdentityProvider,
  type IdentityProtocol,
  type IdentityProvider,
  type OidcSettingsBody,
  type SamlSettingsBody,
} from '../../api/identity-providers.ts';
import { invalidateIdentityProviders } from '../../api/invalidation.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { Field, InputField } from '../../components/fields.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
import { LoadFailed, Loading } from '../../components/page.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ApiError } from '../../lib/api.ts';
import { useOrgUnits } from '../../lib/reference-data.ts';
import { useEntityForm, type EntityForm } from '../../lib/use-entity-form.ts';
import { useMe } from '../../lib/use-me.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { AdminPage } from './admin-nav.tsx';
import { grantScope } from './grant-scope.ts';
import { SamlMetadataImport } from './saml-metadata-import.tsx';

/**
 * The organisation's ways of signing in through an identity provider (OpenID Connect or SAML):
 * each with the addresses to give the provider's administrator, turned on or off, tested,
 * changed, archived; and a new one added. Only the tenant administrator reaches them.
 */
export function IdentityProvidersAdminPage() {
  const { t } = useI18n();
  const me = useMe();
  const units = useOrgUnits();
  const isTenantAdministrator = me.data && units.data ? grantScope(me.data, units.data).isTenantAdministrator : null;
  const providers = useQuery({
    ...identityProviderQueries.list({ includeArchived: true }),
    enabled: isTenantAdministrator === true,
  });
  const title = t('idp.title');
  const error = me.error ?? units.error ?? providers.error;
  if (error)
    return (
      <AdminPage title={title}>
        <LoadFailed error={error} />
      </AdminPage>
    );
  if (isTenantAdministrator === false)
    return (
      <AdminPage title={title}>
        <p className="lead">{t('idp.intro')}</p>
        <p className="notice">{t('idp.onlyTenantAdministrator')}</p>
      </AdminPage>
    );
  if (!providers.data)
    return (
      <AdminPage title={title}>
        <Loading />
      </AdminPage>
    );
  return (
    <AdminPage title={title}>
      <p className="lead">{t('idp.intro')}</p>
      <p>
        <Link to="/administration/inloggning/regler">{t('idp.rulesLink')}</Link>
        <span className="muted"> – {t('idp.rulesLinkHelp')}</span>
      </p>
      <ProviderList providers={providers.data} />
      <NewProvider />
    </AdminPage>
  );
}

function ProviderList({ providers }: { providers: IdentityProvider[] }) {
  const { t } = useI18n();
  const [showArchived, setShowArchived] = useState(false);
  const archivedCount = providers.filter((provider) => provider.archivedAt !== null).length;
  const shown = providers.filter((provider) => showArchived || provider.archivedAt === null);
  return (
    <section aria-labelledby="providers-heading" className="section">
      <h2 id="providers-heading">{t('idp.providers')}</h2>
      {archivedCount > 0 && (
        <label className="checkbox">
          <input type="checkbox" checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)} />{' '}
          {t('idp.showArchived')} ({archivedCount})
        </label>
      )}
      {shown.length === 0 ? (
        <p>{t('idp.none')}</p>
      ) : (
        <ul className="item-list">
          {shown.map((provider) => (
            <li key={provider.id} className="item-card">
              <ProviderCard provider={provider} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One provider: its facts, the addresses for the provider's administrator, its actions and its form. */
function ProviderCard({ provider }: { provider: IdentityProvider }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const submit = useSubmit();
  const headingId = useId();
  const testHelpId = useId();
  const archived = provider.archivedAt !== null;
  const act = (write: () => Promise<unknown>) =>
    submit.run(async () => {
      try {
        await write();
      } finally {
        // Also after a refusal: a 409 means the provider changed, and the card should show it as it now is.
        await invalidateIdentityProviders(queryClient);
      }
    });
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className="item-title">
        {provider.name}
        {archived && <span className="tag">{t('idp.archived')}</span>}
      </h3>
      <dl className="facts facts-compact">
        <div>
          <dt>{t('idp.protocol')}</dt>
          <dd>{t(`idp.protocol.${provider.protocol}`)}</dd>
        </div>
        <div>
          <dt>{t('idp.slug')}</dt>
          <dd>{provider.slug}</dd>
        </div>
        <div>
          <dt>{t('idp.state')}</dt>
          <dd>{archived ? t('idp.archived') : provider.enabled ? t('idp.on') : t('idp.off')}</dd>
        </div>
      </dl>
      <ProviderAddresses provider={provider} />
      <ErrorSummary error={submit.error} />
      <div className="button-row">
        {!archived && (
          <>
            <button
              type="button"
              className="button button-primary"
              aria-describedby={testHelpId}
              onClick={() =>
                void submit.run(async () => {
                  const started = await startTestSignIn(provider.id);
                  window.location.assign(started.url);
                })
              }
            >
              {t('idp.test')}
              <span className="visually-hidden"> {t('idp.testVia', { name: provider.name })}</span>
            </button>
            <button
              type="button"
              className="button"
              onClick={() =>
                void act(() =>
                  updateIdentityProvider(provider.id, { version: provider.version, enabled: !provider.enabled }),
                )
              }
            >
              {provider.enabled ? t('idp.turnOff', { name: provider.name }) : t('idp.turnOn', { name: provider.name })}
            </button>
          </>
        )}
        <button
          type="button"
          className="button"
          onClick={() =>
            void act(async () => {
              if (!archived && !window.confirm(t('idp.confirmArchive', { name: provider.name }))) return;
              await setIdentityProviderArchived(provider.id, !archived);
            })
          }
        >
          {archived ? t('idp.restore', { name: provider.name }) : t('idp.archive', { name: provider.name })}
        </button>
      </div>
      {!archived && (
        <p id={testHelpId} className="hint">
          {t('idp.testHelp')}
        </p>
      )}
      {!archived && (
        <details>
          <summary>{t('idp.edit', { name: provider.name })}</summary>
          <ProviderForm key={`${provider.id}:${provider.version}`} provider={provider} protocol={provider.protocol} />
        </details>
      )}
    </section>
  );
}

/** What the identity provider's administrator registers: where Uppsikt receives the answer, its metadata, where sign-out ends. */
function ProviderAddresses({ provider }: { provider: IdentityProvider }) {
  const { t } = useI18n();
  const headingId = useId();
  const { addresses } = provider;
  const rows: [string, string | null][] = [
    [t(`idp.address.redirect.${provider.protocol}`), addresses.redirect],
    [t('idp.address.metadata'), addresses.metadata],
    [t('idp.address.signOut'), addresses.signOut],
    [t('idp.address.signIn'), addresses.signIn],
  ];
  return (
    <div className="addresses" role="group" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('idp.addresses')}</h4>
      <p className="hint">{t('idp.addressesHelp')}</p>
      <dl>
        {rows
          .filter((row): row is [string, string] => row[1] !== null)
          .map(([label, address]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>
                <code className="copyable">{address}</code>
              </dd>
            </div>
          ))}
      </dl>
    </div>
  );
}

function NewProvider() {
  const { t } = useI18n();
  const [protocol, setProtocol] = useState<IdentityProtocol>('oidc');
  const [added, setAdded] = useState<string | null>(null);
  const addedRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (added) addedRef.current?.focus();
  }, [added]);
  return (
    <section aria-labelledby="new-provider-heading" className="section">
      <h2 id="new-provider-heading">{t('idp.new')}</h2>
      {added && (
        <p ref={addedRef} tabIndex={-1} role="status" className="notice">
          {t('idp.added', { name: added })}
        </p>
      )}
      <fieldset className="fieldset" aria-describedby="new-provider-protocol-help">
        <legend className="field-label">{t('idp.protocol')}</legend>
        {(['oidc', 'saml'] as const).map((option) => (
          <label key={option} className="checkbox">
            <input
              type="radio"
              name="new-provider-protocol"
              value={option}
              checked={protocol === option}
              onChange={() => setProtocol(option)}
            />{' '}
            {t(`idp.protocol.${option}`)}
          </label>
        ))}
        <p id="new-provider-protocol-help" className="field-description">
          {t('idp.newProtocolHelp')}
        </p>
      </fieldset>
      <ProviderForm key={protocol} provider={null} protocol={protocol} onAdded={setAdded} />
    </section>
  );
}

const OIDC_CLAIMS = { email: 'email', name: 'name', groups: 'groups' };
const SAML_ATTRIBUTES = {
  email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
  name: 'http://schemas.microsoft.com/identity/claims/displayname',
  groups: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups',
};

const text = (value: unknown, fallback = '') => (typeof value === 'string' ? value : fallback);
const names = (value: unknown, defaults: typeof OIDC_CLAIMS) => {
  const given = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  return {
    email: text(given.email, defaults.email),
    name: text(given.name, defaults.name),
    groups: text(given.groups, defaults.groups),
  };
};

/** The form's values for both protocols; only the provider's own protocol's are sent. */
function toProviderValues(provider: Pick<IdentityProvider, 'name' | 'slug' | 'enabled' | 'settings'> | null) {
  const settings = provider?.settings ?? {};
  const claims = names(settings.claims, OIDC_CLAIMS);
  const attributes = names(settings.attributes, SAML_ATTRIBUTES);
  return {
    name: provider?.name ?? '',
    slug: provider?.slug ?? '',
    enabled: provider?.enabled ?? true,
    issuer: text(settings.issuer),
    clientId: text(settings.clientId),
    clientSecret: '',
    removeSecret: false,
    scopes: text(settings.scopes, 'openid email profile'),
    claimEmail: claims.email,
    claimName: claims.name,
    claimGroups: claims.groups,
    idpEntityId: text(settings.idpEntityId),
    idpSsoUrl: text(settings.idpSsoUrl),
    idpSloUrl: text(settings.idpSloUrl),
    certificates: Array.isArray(settings.idpCertificates) ? settings.idpCertificates.map(String).join('\n\n') : '',
    metadataUrl: text(settings.metadataUrl),
    attributeEmail: attributes.email,
    attributeName: attributes.name,
    attributeGroups: attributes.groups,
  };
}

type ProviderValues = ReturnType<typeof toProviderValues>;

/** Certificates separated by an empty line (a PEM block has none inside it). */
export function splitCertificates(textValue: string): string[] {
  return textValue
    .split(/\n\s*\n|(?<=-----END CERTIFICATE-----)/)
    .map((part) => part.trim())
    .filter(Boolean);
}

function oidcSettingsOf(values: ProviderValues): OidcSettingsBody {
  return {
    issuer: values.issuer.trim(),
    clientId: values.clientId,
    scopes: values.scopes,
    claims: { email: values.claimEmail, name: values.claimName, groups: values.claimGroups },
  };
}

function samlSettingsOf(values: ProviderValues): SamlSettingsBody {
  return {
    idpEntityId: values.idpEntityId,
    idpSsoUrl: values.idpSsoUrl.trim(),
    idpSloUrl: values.idpSloUrl.trim() || null,
    idpCertificates: splitCertificates(values.certificates),
    metadataUrl: values.metadataUrl.trim() || null,
    attributes: { email: values.attributeEmail, name: values.attributeName, groups: values.attributeGroups },
  };
}

/** The settings in a line, for the notice that someone else changed them. */
function settingsSummary(value: unknown): string {
  if (!value || typeof value !== 'object') return '–';
  return Object.entries(value as Record<string, unknown>)
    .filter(([, entry]) => typeof entry === 'string' || Array.isArray(entry))
    .map(([key, entry]) => `${key}: ${Array.isArray(entry) ? entry.length : String(entry)}`)
    .join(' · ');
}

/** Adds a provider of `protocol` (provider null) or changes one from its version. */
function ProviderForm({
  provider,
  protocol,
  onAdded,
}: {
  provider: IdentityProvider | null;
  protocol: IdentityProtocol;
  onAdded?: (name: string) => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const form = useEntityForm(toProviderValues(provider), provider?.version);
  const { values, set, submit } = form;
  async function send(formValues: ProviderValues, version: number | undefined) {
    if (provider) {
      await updateIdentityProvider(provider.id, {
        version: version!,
        name: formValues.name,
        settings: protocol === 'oidc' ? oidcSettingsOf(formValues) : samlSettingsOf(formValues),
        ...(protocol === 'oidc' && formValues.removeSecret
          ? { clientSecret: null }
          : protocol === 'oidc' && formValues.clientSecret
            ? { clientSecret: formValues.clientSecret }
            : {}),
      });
    } else {
      const common = { name: formValues.name, slug: formValues.slug, enabled: formValues.enabled };
      const created =
        protocol === 'oidc'
          ? await createIdentityProvider({
              ...common,
              protocol: 'oidc',
              settings: oidcSettingsOf(formValues),
              clientSecret: formValues.clientSecret || null,
            })
          : await createIdentityProvider({
              ...common,
              protocol: 'saml',
              settings: samlSettingsOf(formValues),
            });
      form.reset(toProviderValues(null));
      onAdded?.(created.name);
    }
    await invalidateIdentityProviders(queryClient);
  }
  return (
    <FormFrame
      form={form}
      send={send}
      base={provider}
      conflictFields={[
        { key: 'name', label: t('admin.name') },
        { key: 'enabled', label: t('idp.state'), show: (value) => (value ? t('idp.on') : t('idp.off')) },
        { key: 'settings', label: t('idp.settings'), show: settingsSummary },
        {
          key: 'hasClientSecret',
          label: t('idp.clientSecret'),
          show: (value) => (value ? t('idp.clientSecretKeep') : t('idp.clientSecretNone')),
        },
      ]}
      toValues={(current) => toProviderValues(current as IdentityProvider)}
      submitLabel={provider ? t('idp.save', { name: provider.name }) : t('idp.add')}
      className="form"
    >
      <div className="field-row">
        <InputField
          label={t('admin.name')}
          description={t('idp.nameHelp')}
          isRequired
          value={values.name}
          onChange={(value) => set('name', value)}
          errors={submit.fieldErrors('name')}
        />
        {!provider && (
          <InputField
            label={t('idp.slug')}
            description={t('idp.slugHelp')}
            isRequired
            value={values.slug}
            onChange={(value) => set('slug', value)}
            errors={submit.fieldErrors('slug')}
          />
        )}
      </div>
      {protocol === 'oidc' ? <OidcFields form={form} provider={provider} /> : <SamlFields form={form} />}
      {!provider && (
        <label className="checkbox">
          <input type="checkbox" checked={values.enabled} onChange={(event) => set('enabled', event.target.checked)} />{' '}
          {t('idp.enabledOnCreate')}
        </label>
      )}
    </FormFrame>
  );
}

/** The server's messages for a path and everything under it (a certificate's index, a claim's name). */
function errorsUnder(error: ApiError | null, path: string): string[] | undefined {
  const messages = (error?.problem.errors ?? [])
    .filter((entry) => entry.path === path || entry.path.startsWith(`${path}.`))
    .map((entry) => entry.message);
  return messages.length > 0 ? messages : undefined;
}

function OidcFields({ form, provider }: { form: EntityForm<ProviderValues>; provider: IdentityProvider | null }) {
  const { t } = useI18n();
  const { values, set, submit } = form;
  const error = submit.error;
  return (
    <>
      <InputField
        label={t('idp.issuer')}
        description={t('idp.issuerHelp')}
        type="url"
        isRequired
        value={values.issuer}
        onChange={(value) => set('issuer', value)}
        errors={errorsUnder(error, 'settings.issuer')}
      />
      <div className="field-row">
        <InputField
          label={t('idp.clientId')}
          isRequired
          value={values.clientId}
          onChange={(value) => set('clientId', value)}
          errors={errorsUnder(error, 'settings.clientId')}
        />
        <InputField
          label={t('idp.clientSecret')}
          description={
            provider
              ? provider.hasClientSecret
                ? t('idp.clientSecretKeep')
                : t('idp.clientSecretNone')
              : t('idp.clientSecretHelp')
          }
          type="password"
          autoComplete="off"
          value={values.clientSecret}
          onChange={(value) => set('clientSecret', value)}
          errors={submit.fieldErrors('clientSecret')}
        />
      </div>
      {provider?.hasClientSecret && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={values.removeSecret}
            onChange={(event) => set('removeSecret', event.target.checked)}
          />{' '}
          {t('idp.removeSecret')}
        </label>
      )}
      <InputField
        label={t('idp.scopes')}
        description={t('idp.scopesHelp')}
        value={values.scopes}
        onChange={(value) => set('scopes', value)}
        errors={errorsUnder(error, 'settings.scopes')}
      />
      <NameFields form={form} kind="claims" />
    </>
  );
}

/** The three claim (OIDC) or attribute (SAML) names, with their defaults filled in. */
function NameFields({ form, kind }: { form: EntityForm<ProviderValues>; kind: 'claims' | 'attributes' }) {
  const { t } = useI18n();
  const helpId = useId();
  const { values, set, submit } = form;
  const keys =
    kind === 'claims'
      ? ({ email: 'claimEmail', name: 'claimName', groups: 'claimGroups' } as const)
      : ({ email: 'attributeEmail', name: 'attributeName', groups: 'attributeGroups' } as const);
  return (
    <fieldset className="fieldset" aria-describedby={helpId}>
      <legend className="field-label">{t(kind === 'claims' ? 'idp.claims' : 'idp.attributes')}</legend>
      <p id={helpId} className="field-description">
        {t(kind === 'claims' ? 'idp.claimsHelp' : 'idp.attributesHelp')}
      </p>
      <div className="field-row">
        {(['email', 'name', 'groups'] as const).map((name) => (
          <InputField
            key={name}
            label={t(`idp.claim.${name}`)}
            isRequired
            value={values[keys[name]]}
            onChange={(value) => set(keys[name], value)}
            errors={errorsUnder(submit.error, `settings.${kind}.${name}`)}
          />
        ))}
      </div>
    </fieldset>
  );
}

function SamlFields({ form }: { form: EntityForm<ProviderValues> }) {
  const { t } = useI18n();
  const { values, set, submit } = form;
  const error = submit.error;
  return (
    <>
      <SamlMetadataImport
        onSettings={(settings) => {
          set('idpEntityId', settings.idpEntityId);
          set('idpSsoUrl', settings.idpSsoUrl);
          set('idpSloUrl', settings.idpSloUrl ?? '');
          set('certificates', settings.idpCertificates.join('\n\n'));
          set('metadataUrl', settings.metadataUrl ?? '');
          set('attributeEmail', settings.attributes.email);
          set('attributeName', settings.attributes.name);
          set('attributeGroups', settings.attributes.groups);
        }}
      />
      <InputField
        label={t('idp.entityId')}
        isRequired
        value={values.idpEntityId}
        onChange={(value) => set('idpEntityId', value)}
        errors={errorsUnder(error, 'settings.idpEntityId')}
      />
      <div className="field-row">
        <InputField
          label={t('idp.ssoUrl')}
          type="url"
          isRequired
          value={values.idpSsoUrl}
          onChange={(value) => set('idpSsoUrl', value)}
          errors={errorsUnder(error, 'settings.idpSsoUrl')}
        />
        <InputField
          label={t('idp.sloUrl')}
          description={t('idp.optional')}
          type="url"
          value={values.idpSloUrl}
          onChange={(value) => set('idpSloUrl', value)}
          errors={errorsUnder(error, 'settings.idpSloUrl')}
        />
      </div>
      <Field
        label={t('idp.certificates')}
        description={t('idp.certificatesHelp')}
        isRequired
        errors={errorsUnder(error, 'settings.idpCertificates')}
      >
        {(ids) => (
          <textarea
            {...ids}
            className="field-input certificates"
            rows={6}
            spellCheck={false}
            value={values.certificates}
            onChange={(event) => set('certificates', event.target.value)}
          />
        )}
      </Field>
      <InputField
        label={t('idp.metadataSource')}
        description={t('idp.metadataSourceHelp')}
        type="url"
        value={values.metadataUrl}
        onChange={(value) => set('metadataUrl', value)}
        errors={errorsUnder(error, 'settings.metadataUrl')}
      />
      <NameFields form={form} kind="attributes" />
    </>
  );
}
