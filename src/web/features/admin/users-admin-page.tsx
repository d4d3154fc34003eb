import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ROLES, ROLE_LABELS, type Role } from '../../../domain/role.ts';
import { LoadFailed, Loading } from '../../components/page.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
import { InputField, SelectField } from '../../components/fields.tsx';
import { unitOptions } from '../../components/unit-filter.tsx';
import { useI18n, useLabel } from '../../i18n/i18n.tsx';
import { createRoleAssignment, roleAssignmentQueries } from '../../api/role-assignments.ts';
import { createUser, updateUser } from '../../api/users.ts';
import { invalidateRoleAssignments, invalidateUsers } from '../../api/invalidation.ts';
import { invitationQueries } from '../../api/invitations.ts';
import { textCollator } from '../../lib/format.ts';
import { useEntityForm } from '../../lib/use-entity-form.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { useOrgUnits, useUsers, type User } from '../../lib/reference-data.ts';
import { AdminPage } from './admin-nav.tsx';
import { useMe } from '../../lib/use-me.ts';
import { grantScope, type GrantScope } from './grant-scope.ts';
import { UserTable } from './user-table.tsx';

/** The tenant's persons, their roles per unit, new persons, and deactivation of those who left. */
export function UsersAdminPage() {
  const { t } = useI18n();
  const users = useUsers();
  const units = useOrgUnits();
  const roles = useQuery(roleAssignmentQueries.list());
  const me = useMe();
  // Only what the API allows this person is offered: roles on the units they administer, people
  // and their invitations only to the tenant administrator.
  const scope = me.data && units.data ? grantScope(me.data, units.data) : null;
  const invitations = useQuery({ ...invitationQueries.open(), enabled: scope?.isTenantAdministrator ?? false });
  const error = users.error ?? units.error ?? roles.error ?? me.error ?? invitations.error;
  if (error)
    return (
      <AdminPage title={t('admin.users')}>
        <LoadFailed error={error} />
      </AdminPage>
    );
  if (!users.data || !roles.data || !scope || (scope.isTenantAdministrator && !invitations.data))
    return (
      <AdminPage title={t('admin.users')}>
        <Loading />
      </AdminPage>
    );
  return (
    <AdminPage title={t('admin.users')}>
      <UserTable
        users={users.data}
        roles={roles.data}
        scope={scope}
        invitations={scope.isTenantAdministrator ? invitations.data : undefined}
      />
      {scope.units.length > 0 && <NewRole users={users.data} scope={scope} />}
      {scope.isTenantAdministrator && <EditUser users={users.data} />}
      {scope.isTenantAdministrator && <NewUser />}
    </AdminPage>
  );
}

function NewRole({ users, scope }: { users: User[]; scope: GrantScope }) {
  const { t } = useI18n();
  const label = useLabel();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ userId: '', unitId: '', role: 'reader' });
  const submit = useSubmit();
  // Before a unit is chosen, the roles that may be given on some administered unit.
  const offeredRoles = values.unitId
    ? scope.rolesOn(values.unitId)
    : ROLES.filter((role) => scope.isTenantAdministrator || role !== 'auditor');
  async function save(event: FormEvent) {
    event.preventDefault();
    await submit.run(async () => {
      await createRoleAssignment({ ...values, role: values.role as Role });
      await invalidateRoleAssignments(queryClient);
      setValues({ userId: '', unitId: '', role: 'reader' });
    });
  }
  return (
    <section aria-labelledby="new-role-heading" className="section">
      <h2 id="new-role-heading">{t('admin.newRole')}</h2>
      <ErrorSummary error={submit.error} />
      <form className="form" noValidate onSubmit={(event) => void save(event)}>
        <div className="field-row">
          <SelectField
            label={t('admin.person')}
            isRequired
            value={values.userId}
            onChange={(userId) => setValues({ ...values, userId })}
            options={users.filter((user) => !user.deactivatedAt).map((user) => ({ value: user.id, label: user.name }))}
            emptyLabel={t('persons.choose')}
            errors={submit.fieldErrors('userId')}
          />
          <SelectField
            label={t('admin.role')}
            isRequired
            value={values.role}
            onChange={(role) => setValues({ ...values, role })}
            options={offeredRoles.map((role) => ({ value: role, label: label(ROLE_LABELS[role]) }))}
            errors={submit.fieldErrors('role')}
          />
          <SelectField
            label={t('plan.unit')}
            description={scope.isTenantAdministrator ? t('admin.unitHelp') : t('admin.unitHelpUnitAdministrator')}
            isRequired
            value={values.unitId}
            onChange={(unitId) =>
              setValues({
                ...values,
                unitId,
                role: scope.rolesOn(unitId).includes(values.role as Role) ? values.role : 'reader',
              })
            }
            options={unitOptions(scope.units)}
            emptyLabel={t('planForm.chooseUnit')}
            errors={submit.fieldErrors('unitId')}
          />
        </div>
        <button type="submit" className="button button-primary">
          {submit.pending ? t('form.saving') : t('admin.giveRole')}
        </button>
      </form>
    </section>
  );
}

function NewUser() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const form = useEntityForm({ name: '', email: '', title: '', password: '' });
  const { values, set, submit } = form;
  const [created, setCreated] = useState<string | null>(null);
  async function send(formValues: typeof values) {
    const user = await createUser({
      name: formValues.name,
      email: formValues.email || null,
      title: formValues.title || null,
      ...(formValues.password ? { password: formValues.password } : {}),
    });
    await invalidateUsers(queryClient);
    setCreated(user.name);
    form.reset({ name: '', email: '', title: '', password: '' });
  }
  return (
    <section aria-labelledby="new-user-heading" className="section">
      <h2 id="new-user-heading">{t('admin.newPerson')}</h2>
      {created && (
        <p role="status" className="notice">
          {t('admin.created', { name: created })}
        </p>
      )}
      <ErrorSummary error={submit.error} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void form.save(send);
        }}
      >
        <InputField
          label={t('admin.name')}
          isRequired
          value={values.name}
          onChange={(value) => set('name', value)}
          errors={submit.fieldErrors('name')}
        />
        <InputField
          label={t('auth.email')}
          type="email"
          value={values.email}
          onChange={(value) => set('email', value)}
          errors={submit.fieldErrors('email')}
        />
        <InputField
          label={t('admin.title')}
          value={values.title}
          onChange={(value) => set('title', value)}
          errors={submit.fieldErrors('title')}
        />
        <InputField
          label={t('auth.password')}
          description={t('admin.passwordHelp')}
          type="text"
          autoComplete="new-password"
          value={values.password}
          onChange={(value) => set('password', value)}
          errors={submit.fieldErrors('password')}
        />
        <button type="submit" className="button button-primary">
          {submit.pending ? t('form.saving') : t('admin.createPerson')}
        </button>
      </form>
    </section>
  );
}

const toPersonValues = (user: Partial<User> | undefined) => ({
  name: user?.name ?? '',
  email: user?.email ?? '',
  title: user?.title ?? '',
  password: '',
});

/** A person's name, address and title, and a new password when they have forgotten theirs. */
function EditUser({ users }: { users: User[] }) {
  const { t, formatLocale } = useI18n();
  const sorted = [...users].sort((a, b) => textCollator(formatLocale)(a.name, b.name));
  const [chosenId, setChosenId] = useState(sorted[0]?.id ?? '');
  const user = users.find((entry) => entry.id === chosenId);
  return (
    <section aria-labelledby="edit-user-heading" className="section">
      <h2 id="edit-user-heading">{t('admin.editPerson')}</h2>
      <SelectField
        label={t('admin.person')}
        value={chosenId}
        onChange={setChosenId}
        options={sorted.map((entry) => ({ value: entry.id, label: entry.name }))}
      />
      {user && <EditUserForm key={`${user.id}:${user.version}`} user={user} />}
    </section>
  );
}

function EditUserForm({ user }: { user: User }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const form = useEntityForm(toPersonValues(user), user.version);
  const { values, set, submit } = form;
  async function send(formValues: typeof values, version: number | undefined) {
    await updateUser(user.id, {
      version,
      name: formValues.name,
      email: formValues.email || null,
      title: formValues.title || null,
      ...(formValues.password ? { password: formValues.password } : {}),
    });
    await invalidateUsers(queryClient);
  }
  return (
    <FormFrame
      form={form}
      send={send}
      base={user}
      conflictFields={[
        { key: 'name', label: t('admin.name') },
        { key: 'email', label: t('auth.email') },
      ]}
      toValues={(current) => toPersonValues(current)}
      submitLabel={t('admin.saveUnit', { name: user.name })}
      className="form"
    >
      <InputField
        label={t('admin.name')}
        isRequired
        value={values.name}
        onChange={(value) => set('name', value)}
        errors={submit.fieldErrors('name')}
      />
      <InputField
        label={t('auth.email')}
        type="email"
        value={values.email}
        onChange={(value) => set('email', value)}
        errors={submit.fieldErrors('email')}
      />
      <InputField
        label={t('admin.title')}
        value={values.title}
        onChange={(value) => set('title', value)}
        errors={submit.fieldErrors('title')}
      />
      <InputField
        label={t('admin.newPassword')}
        description={t('admin.newPasswordHelp')}
        type="text"
        autoComplete="new-password"
        value={values.password}
        onChange={(value) => set('password', value)}
        errors={submit.fieldErrors('password')}
      />
    </FormFrame>
  );
}
