import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { ROLES, ROLE_LABELS, type Role } from '../../../domain/role.ts';
import {
  createRoleMappingRule,
  identityProviderQueries,
  previewRoleMappingRule,
  roleMappingRuleQueries,
  setRoleMappingRuleArchived,
  updateRoleMappingRule,
  type IdentityProvider,
  type RoleMappingPreview,
  type RoleMappingRule,
  type RoleMappingRuleBody,
} from '../../api/identity-providers.ts';
import { invalidateRoleMappingRules } from '../../api/invalidation.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { InputField, SelectField } from '../../components/fields.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
import { LoadFailed, Loading } from '../../components/page.tsx';
import { unitOptions } from '../../components/unit-filter.tsx';
import { useI18n, useLabel } from '../../i18n/i18n.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { byId, useOrgUnits, type OrgUnit } from '../../lib/reference-data.ts';
import { useEntityForm } from '../../lib/use-entity-form.ts';
import { useMe } from '../../lib/use-me.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { AdminPage } from './admin-nav.tsx';
import { grantScope } from './grant-scope.ts';

/**
 * The rules that give a role on a unit to whoever signs in with a certain claim value (a group,
 * most often): listed, added, changed and archived, each previewed first (who would get the
 * role, and who has it already). Only the tenant administrator reaches them.
 */
export function RoleMappingRulesAdminPage() {
  const { t } = useI18n();
  const me = useMe();
  const units = useOrgUnits();
  const isTenantAdministrator = me.data && units.data ? grantScope(me.data, units.data).isTenantAdministrator : null;
  const rules = useQuery({
    ...roleMappingRuleQueries.list({ includeArchived: true }),
    enabled: isTenantAdministrator === true,
  });
  const providers = useQuery({
    ...identityProviderQueries.list({ includeArchived: true }),
    enabled: isTenantAdministrator === true,
  });
  const title = t('rules.title');
  const back = (
    <p>
      <Link to="/administration/inloggning">{t('rules.back')}</Link>
    </p>
  );
  const error = me.error ?? units.error ?? rules.error ?? providers.error;
  if (error)
    return (
      <AdminPage title={title}>
        <LoadFailed error={error} />
      </AdminPage>
    );
  if (isTenantAdministrator === false)
    return (
      <AdminPage title={title}>
        {back}
        <p className="notice">{t('idp.onlyTenantAdministrator')}</p>
      </AdminPage>
    );
  if (!rules.data || !providers.data || !units.data)
    return (
      <AdminPage title={title}>
        <Loading />
      </AdminPage>
    );
  return (
    <AdminPage title={title}>
      {back}
      <p className="lead">{t('rules.intro')}</p>
      <RuleTable rules={rules.data} providers={providers.data} units={units.data} />
      <section aria-labelledby="new-rule-heading" className="section">
        <h2 id="new-rule-heading">{t('rules.new')}</h2>
        <RuleForm rule={null} providers={providers.data} units={units.data} />
      </section>
      <EditRule rules={rules.data} providers={providers.data} units={units.data} />
    </AdminPage>
  );
}

/** A rule in words: "groups = IK-samordnare". */
const describe = (t: ReturnType<typeof useI18n>['t'], rule: Pick<RoleMappingRule, 'claim' | 'value'>) =>
  t('rules.describe', { claim: rule.claim, value: rule.value });

function RuleTable({
  rules,
  providers,
  units,
}: {
  rules: RoleMappingRule[];
  providers: IdentityProvider[];
  units: OrgUnit[];
}) {
  const { t } = useI18n();
  const label = useLabel();
  const queryClient = useQueryClient();
  const submit = useSubmit();
  const [showArchived, setShowArchived] = useState(false);
  const unitById = byId(units);
  const providerById = byId(providers);
  const archivedCount = rules.filter((rule) => rule.archivedAt !== null).length;
  const shown = rules.filter((rule) => showArchived || rule.archivedAt === null);
  return (
    <section aria-labelledby="rules-heading" className="section">
      <h2 id="rules-heading">{t('idp.rulesLink')}</h2>
      <ErrorSummary error={submit.error} />
      {archivedCount > 0 && (
        <label className="checkbox">
          <input type="checkbox" checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)} />{' '}
          {t('rules.showArchived')} ({archivedCount})
        </label>
      )}
      {shown.length === 0 ? (
        <p>{t('rules.none')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="rules-heading" tabIndex={0}>
          <table className="table" aria-labelledby="rules-heading">
            <thead>
              <tr>
                <th scope="col">{t('rules.claim')}</th>
                <th scope="col">{t('rules.value')}</th>
                <th scope="col">{t('admin.role')}</th>
                <th scope="col">{t('plan.unit')}</th>
                <th scope="col">{t('rules.provider')}</th>
                <th scope="col">{t('admin.state')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((rule) => {
                const archived = rule.archivedAt !== null;
                const words = describe(t, rule);
                return (
                  <tr key={rule.id}>
                    <th scope="row">{rule.claim}</th>
                    <td>{rule.value}</td>
                    <td>{label(ROLE_LABELS[rule.role])}</td>
                    <td>{unitById.get(rule.unitId)?.name ?? '–'}</td>
                    <td>
                      {rule.providerId === null
                        ? t('rules.allProviders')
                        : (providerById.get(rule.providerId)?.name ?? '–')}
                    </td>
                    <td>
                      {archived ? t('rules.archivedState') : t('rules.active')}{' '}
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() =>
                          void submit.run(async () => {
                            if (!archived && !window.confirm(t('rules.confirmArchive', { rule: words }))) return;
                            await setRoleMappingRuleArchived(rule.id, !archived);
                            await invalidateRoleMappingRules(queryClient);
                          })
                        }
                      >
                        {archived ? t('rules.restore', { rule: words }) : t('rules.archive', { rule: words })}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function EditRule({
  rules,
  providers,
  units,
}: {
  rules: RoleMappingRule[];
  providers: IdentityProvider[];
  units: OrgUnit[];
}) {
  const { t } = useI18n();
  const label = useLabel();
  const unitById = byId(units);
  const live = rules.filter((rule) => rule.archivedAt === null);
  const [chosenId, setChosenId] = useState(live[0]?.id ?? '');
  const rule = live.find((entry) => entry.id === chosenId) ?? live[0];
  if (!rule) return null;
  return (
    <section aria-labelledby="edit-rule-heading" className="section">
      <h2 id="edit-rule-heading">{t('rules.edit')}</h2>
      <SelectField
        label={t('rules.chooseRule')}
        value={rule.id}
        onChange={setChosenId}
        options={live.map((entry) => ({
          value: entry.id,
          label: `${describe(t, entry)} → ${label(ROLE_LABELS[entry.role])}, ${unitById.get(entry.unitId)?.name ?? '–'}`,
        }))}
      />
      <RuleForm key={`${rule.id}:${rule.version}`} rule={rule} providers={providers} units={units} />
    </section>
  );
}

const toRuleValues = (rule: Partial<RoleMappingRule> | null) => ({
  providerId: rule?.providerId ?? '',
  claim: rule?.claim ?? 'groups',
  value: rule?.value ?? '',
  role: (rule?.role ?? 'reader') as string,
  unitId: rule?.unitId ?? '',
});

type RuleValues = ReturnType<typeof toRuleValues>;

const bodyOf = (values: RuleValues): RoleMappingRuleBody => ({
  providerId: values.providerId || null,
  claim: values.claim,
  value: values.value,
  role: values.role as Role,
  unitId: values.unitId,
});

/** Adds a rule (rule null) or changes one from its version; either can be previewed first. */
function RuleForm({
  rule,
  providers,
  units,
}: {
  rule: RoleMappingRule | null;
  providers: IdentityProvider[];
  units: OrgUnit[];
}) {
  const { t } = useI18n();
  const label = useLabel();
  const queryClient = useQueryClient();
  const form = useEntityForm(toRuleValues(rule), rule?.version);
  const { values, set, submit } = form;
  const previewSubmit = useSubmit();
  const [created, setCreated] = useState(false);
  // The preview on screen, with the values it was made for: it is shown only while they are the form's.
  const [preview, setPreview] = useState<{ of: string; answer: RoleMappingPreview } | null>(null);
  const previewHelpId = useId();
  const current = JSON.stringify(bodyOf(values));
  const shownPreview = preview?.of === current ? preview.answer : null;
  const unitById = byId(units);
  const providerById = byId(providers);

  async function send(formValues: RuleValues, version: number | undefined) {
    setCreated(false);
    if (rule) await updateRoleMappingRule(rule.id, { ...bodyOf(formValues), version: version! });
    else await createRoleMappingRule(bodyOf(formValues));
    await invalidateRoleMappingRules(queryClient);
    if (!rule) {
      form.reset(toRuleValues(null));
      setPreview(null);
      setCreated(true);
    }
  }
  /** The messages of the save and of the preview for one field. */
  const errorsOf = (path: string) => {
    const messages = [...(submit.fieldErrors(path) ?? []), ...(previewSubmit.fieldErrors(path) ?? [])];
    return messages.length > 0 ? messages : undefined;
  };
  const providerName = (id: unknown) =>
    typeof id === 'string' ? (providerById.get(id)?.name ?? '–') : t('rules.allProviders');

  return (
    <>
      {created && (
        <p role="status" className="notice">
          {t('rules.created')}
        </p>
      )}
      <FormFrame
        form={form}
        send={send}
        base={rule}
        conflictFields={[
          { key: 'claim', label: t('rules.claim') },
          { key: 'value', label: t('rules.value') },
          { key: 'role', label: t('admin.role'), show: (value) => label(ROLE_LABELS[value as Role]) },
          { key: 'unitId', label: t('plan.unit'), show: (value) => unitById.get(String(value))?.name ?? '–' },
          { key: 'providerId', label: t('rules.provider'), show: providerName },
        ]}
        toValues={(currentRule) => toRuleValues(currentRule)}
        submitLabel={rule ? t('rules.save') : t('rules.create')}
        className="form"
      >
        <div className="field-row">
          <InputField
            label={t('rules.claim')}
            description={t('rules.claimHelp')}
            isRequired
            value={values.claim}
            onChange={(value) => set('claim', value)}
            errors={errorsOf('claim')}
          />
          <InputField
            label={t('rules.value')}
            description={t('rules.valueHelp')}
            isRequired
            value={values.value}
            onChange={(value) => set('value', value)}
            errors={errorsOf('value')}
          />
        </div>
        <div className="field-row">
          <SelectField
            label={t('admin.role')}
            isRequired
            value={values.role}
            onChange={(value) => set('role', value)}
            options={ROLES.map((role) => ({ value: role, label: label(ROLE_LABELS[role]) }))}
            errors={errorsOf('role')}
          />
          <SelectField
            label={t('plan.unit')}
            description={t('rules.unitHelp')}
            isRequired
            value={values.unitId}
            onChange={(value) => set('unitId', value)}
            options={unitOptions(units)}
            emptyLabel={t('planForm.chooseUnit')}
            errors={errorsOf('unitId')}
          />
          <SelectField
            label={t('rules.provider')}
            description={t('rules.providerHelp')}
            value={values.providerId}
            onChange={(value) => set('providerId', value)}
            options={providers
              .filter((provider) => provider.archivedAt === null || provider.id === values.providerId)
              .map((provider) => ({ value: provider.id, label: provider.name }))}
            emptyLabel={t('rules.allProviders')}
            errors={errorsOf('providerId')}
          />
        </div>
        <ErrorSummary error={previewSubmit.error} />
        <div className="button-row">
          <button
            type="button"
            className="button"
            aria-describedby={previewHelpId}
            onClick={() =>
              void previewSubmit.run(async () => {
                const of = current;
                setPreview({ of, answer: await previewRoleMappingRule(bodyOf(values)) });
              })
            }
          >
            {previewSubmit.pending ? t('rules.previewing') : t('rules.preview')}
          </button>
        </div>
        <p id={previewHelpId} className="hint">
          {t('rules.previewHelp')}
        </p>
        {shownPreview && <PreviewResult preview={shownPreview} />}
      </FormFrame>
    </>
  );
}

/** Who the rule would give its role, and who already has it. */
function PreviewResult({ preview }: { preview: RoleMappingPreview }) {
  const { t, formatLocale } = useI18n();
  const headingId = useId();
  const already = preview.people.filter((person) => person.alreadyHolds).length;
  return (
    <section aria-labelledby={headingId} className="section">
      <h3 id={headingId}>{t('rules.previewHeading')}</h3>
      <p role="status">
        {preview.people.length === 0
          ? t('rules.previewNobody')
          : t('rules.previewSummary', { count: preview.people.length, already })}
      </p>
      {preview.people.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby={headingId} tabIndex={0}>
          <table className="table" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">{t('rules.person')}</th>
                <th scope="col">{t('auth.email')}</th>
                <th scope="col">{t('rules.outcome')}</th>
                <th scope="col">{t('rules.lastSignIn')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.people.map((person) => (
                <tr key={person.userId}>
                  <th scope="row">{person.name}</th>
                  <td>{person.email ?? '–'}</td>
                  <td>{person.alreadyHolds ? t('rules.alreadyHolds') : t('rules.getsRole')}</td>
                  <td>{person.lastSignInAt ? formatDateTime(person.lastSignInAt, formatLocale) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
