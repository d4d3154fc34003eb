import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { TENANT_KIND_LABELS, TENANT_KINDS, type TenantKind } from '../../../domain/tenant.ts';
import { firstRunQueries, setUpFirstTenant } from '../../api/first-run.ts';
import { meKeys } from '../../api/me.ts';
import { InputField, SelectField } from '../../components/fields.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
import { LoadFailed, Loading, Page } from '../../components/page.tsx';
import { useI18n, useLabel } from '../../i18n/i18n.tsx';
import { ApiError } from '../../lib/api.ts';
import { useEntityForm } from '../../lib/use-entity-form.ts';
import { useMe } from '../../lib/use-me.ts';
import { suggestSlug } from './suggest-slug.ts';

/** The shortest password the server accepts (the contract's rule, checked here before sending). */
const PASSWORD_MIN_LENGTH = 12;

/**
 * The first start of a new installation: whoever started the server (and so can read the setup
 * code in its log) creates the first organisation and becomes its administrator. Shown only while
 * the server says the installation has no organisation; otherwise this address leads on to the
 * person's work or to signing in.
 */
export function FirstRunPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const state = useQuery(firstRunQueries.state());
  const me = useMe();
  const needed = state.data?.needed;
  const signedIn = me.data !== undefined;
  useEffect(() => {
    // Once there is an organisation the page has nothing to do: straight on to the person's work,
    // or to signing in. Not by way of "/", whose own redirect to signing in would race this one.
    if (needed !== false || me.isPending) return;
    void navigate(
      signedIn ? { to: '/', replace: true } : { to: '/logga-in', search: { next: undefined }, replace: true },
    );
  }, [needed, me.isPending, signedIn, navigate]);
  if (state.error)
    return (
      <div className="narrow">
        <Page title={t('firstRun.title')}>
          <LoadFailed error={state.error} retry={() => void state.refetch()} />
        </Page>
      </div>
    );
  if (!needed)
    return (
      <div className="narrow">
        <Page title={t('firstRun.title')}>
          <Loading />
        </Page>
      </div>
    );
  return <FirstRunForm />;
}

type FirstRunValues = {
  setupCode: string;
  name: string;
  kind: TenantKind;
  slug: string;
  adminName: string;
  adminEmail: string;
  password: string;
  passwordRepeat: string;
};

function FirstRunForm() {
  const { t } = useI18n();
  const label = useLabel();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useEntityForm<FirstRunValues>({
    setupCode: '',
    name: '',
    kind: 'kommun',
    slug: '',
    adminName: '',
    adminEmail: '',
    password: '',
    passwordRepeat: '',
  });
  const { values, set, submit } = form;
  // The short name follows the organisation's name until the user writes one of their own.
  const [slugEdited, setSlugEdited] = useState(false);

  async function send(formValues: FirstRunValues) {
    const passwordErrors = [
      ...(formValues.password.length < PASSWORD_MIN_LENGTH
        ? [{ path: 'password', message: t('newPassword.tooShort') }]
        : []),
      ...(formValues.password !== formValues.passwordRepeat
        ? [{ path: 'passwordRepeat', message: t('newPassword.mismatch') }]
        : []),
    ];
    if (passwordErrors.length > 0)
      throw new ApiError({ type: 'about:blank', title: t('newPassword.invalid'), status: 400, errors: passwordErrors });
    const who = await setUpFirstTenant({
      setupCode: formValues.setupCode,
      tenant: {
        slug: formValues.slug,
        name: formValues.name,
        kind: formValues.kind,
        admin: { name: formValues.adminName, email: formValues.adminEmail },
      },
      password: formValues.password,
    });
    // As after signing in: nothing cached from before belongs to the person now signed in.
    queryClient.clear();
    queryClient.setQueryData(meKeys.me, who);
    await navigate({ to: '/', replace: true });
  }

  return (
    <div className="narrow">
      <Page title={t('firstRun.title')}>
        <p className="lead">{t('firstRun.intro')}</p>
        {submit.error?.status === 410 && (
          <p>
            <Link to="/logga-in" search={{ next: undefined }}>
              {t('link.toSignIn')}
            </Link>
          </p>
        )}
        <FormFrame form={form} send={send} base={null} submitLabel={t('firstRun.submit')} className="form">
          <InputField
            label={t('firstRun.setupCode')}
            description={t('firstRun.setupCodeHelp')}
            isRequired
            autoComplete="off"
            value={values.setupCode}
            onChange={(value) => set('setupCode', value)}
            errors={submit.fieldErrors('setupCode')}
          />
          <fieldset className="fieldset">
            <legend className="field-label">{t('firstRun.organisation')}</legend>
            <div className="form">
              <InputField
                label={t('firstRun.name')}
                description={t('firstRun.nameHelp')}
                isRequired
                autoComplete="organization"
                value={values.name}
                onChange={(value) => {
                  set('name', value);
                  if (!slugEdited) set('slug', suggestSlug(value));
                }}
                errors={submit.fieldErrors('tenant.name')}
              />
              <SelectField
                label={t('firstRun.kind')}
                isRequired
                value={values.kind}
                onChange={(value) => set('kind', value as TenantKind)}
                options={TENANT_KINDS.map((kind) => ({ value: kind, label: label(TENANT_KIND_LABELS[kind]) }))}
                errors={submit.fieldErrors('tenant.kind')}
              />
              <InputField
                label={t('firstRun.slug')}
                description={t('firstRun.slugHelp')}
                isRequired
                autoComplete="off"
                value={values.slug}
                onChange={(value) => {
                  set('slug', value);
                  // Emptied, the field follows the name again.
                  setSlugEdited(value !== '');
                }}
                errors={submit.fieldErrors('tenant.slug')}
              />
            </div>
          </fieldset>
          <fieldset className="fieldset">
            <legend className="field-label">{t('firstRun.administrator')}</legend>
            <div className="form">
              <InputField
                label={t('firstRun.adminName')}
                isRequired
                autoComplete="name"
                value={values.adminName}
                onChange={(value) => set('adminName', value)}
                errors={submit.fieldErrors('tenant.admin.name')}
              />
              <InputField
                label={t('firstRun.adminEmail')}
                description={t('firstRun.adminEmailHelp')}
                type="email"
                isRequired
                autoComplete="email"
                value={values.adminEmail}
                onChange={(value) => set('adminEmail', value)}
                errors={submit.fieldErrors('tenant.admin.email')}
              />
              <InputField
                label={t('firstRun.password')}
                description={t('newPassword.help')}
                type="password"
                isRequired
                autoComplete="new-password"
                value={values.password}
                onChange={(value) => set('password', value)}
                errors={submit.fieldErrors('password')}
              />
              <InputField
                label={t('newPassword.repeat')}
                type="password"
                isRequired
                autoComplete="new-password"
                value={values.passwordRepeat}
                onChange={(value) => set('passwordRepeat', value)}
                errors={submit.fieldErrors('passwordRepeat')}
              />
            </div>
          </fieldset>
        </FormFrame>
      </Page>
    </div>
  );
}
