import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ROLE_LABELS } from '../../../domain/role.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { useI18n, useLabel } from '../../i18n/i18n.tsx';
import { revokeRoleAssignment, type RoleAssignment } from '../../api/role-assignments.ts';
import { setUserDeactivated, updateUser } from '../../api/users.ts';
import { invalidateInvitations, invalidateRoleAssignments, invalidateUsers } from '../../api/invalidation.ts';
import { inviteUser, withdrawInvitation, type OpenInvitation } from '../../api/invitations.ts';
import { textCollator } from '../../lib/format.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { byId, useOrgUnits, type User } from '../../lib/reference-data.ts';
import type { GrantScope } from './grant-scope.ts';
import { focusInviteButton, InvitationCell, InvitationLinkPanel, type ShownInvitationLink } from './invitations.tsx';

/**
 * The persons with their roles and state; for the tenant administrator also their invitations,
 * given as `invitations` (the open ones), and the actions on them.
 */
export function UserTable({
  users,
  roles,
  scope,
  invitations,
}: {
  users: User[];
  roles: RoleAssignment[];
  scope: GrantScope;
  invitations: OpenInvitation[] | undefined;
}) {
  const { t, formatLocale } = useI18n();
  const label = useLabel();
  const unitById = byId(useOrgUnits().data);
  const queryClient = useQueryClient();
  const submit = useSubmit();
  const [shownLink, setShownLink] = useState<ShownInvitationLink | null>(null);
  /** What the last invitation action did, read out by the status region. */
  const [announcement, setAnnouncement] = useState('');
  /** Administrator of the whole organisation (a root unit): only they can be break-glass administrators. */
  const administersTenant = (userId: string) =>
    !users.find((user) => user.id === userId)?.deactivatedAt &&
    roles.some(
      (role) =>
        role.userId === userId &&
        !role.revokedAt &&
        role.role === 'administrator' &&
        unitById.get(role.unitId)?.parentId === null,
    );
  const sorted = [...users].sort((a, b) => textCollator(formatLocale)(a.name, b.name));
  // The newest open invitation of each person (the server keeps one per person).
  const openInvitation = new Map<string, OpenInvitation>();
  for (const invitation of invitations ?? [])
    if (!openInvitation.has(invitation.userId)) openInvitation.set(invitation.userId, invitation);
  const act = (write: () => Promise<unknown>) =>
    submit.run(async () => {
      await write();
      await invalidateUsers(queryClient);
      await invalidateRoleAssignments(queryClient);
    });
  const invite = (user: User & { email: string }) =>
    submit.run(async () => {
      setAnnouncement('');
      const sent = await inviteUser(user.id);
      // Shown before anything else can fail: a link that was not mailed cannot be had again.
      if (sent.link !== null)
        setShownLink({
          userId: user.id,
          name: user.name,
          email: user.email,
          link: sent.link,
          expiresAt: sent.expiresAt,
        });
      else {
        setShownLink(null);
        setAnnouncement(t('invite.mailed', { email: user.email }));
      }
      await invalidateInvitations(queryClient);
    });
  const withdraw = (user: User) =>
    submit.run(async () => {
      setAnnouncement('');
      await withdrawInvitation(user.id);
      // The withdraw button goes; focus stays in the row, on the invite button.
      focusInviteButton(user.id);
      // A link shown for this invitation no longer works.
      if (shownLink?.userId === user.id) setShownLink(null);
      setAnnouncement(t('invite.withdrawn', { name: user.name }));
      await invalidateInvitations(queryClient);
    });
  return (
    <section aria-labelledby="users-heading" className="section">
      <h2 id="users-heading">{t('admin.people')}</h2>
      <ErrorSummary error={submit.error} />
      {invitations && (
        <p role="status" className={announcement ? 'notice' : 'visually-hidden'}>
          {announcement}
        </p>
      )}
      {shownLink && (
        <InvitationLinkPanel
          key={shownLink.link}
          shown={shownLink}
          onClose={() => {
            setShownLink(null);
            focusInviteButton(shownLink.userId);
          }}
        />
      )}
      <div className="table-scroll" role="region" aria-labelledby="users-heading" tabIndex={0}>
        <table className="table" aria-labelledby="users-heading">
          <thead>
            <tr>
              <th scope="col">{t('admin.name')}</th>
              <th scope="col">{t('auth.email')}</th>
              <th scope="col">{t('admin.roles')}</th>
              <th scope="col">{t('admin.state')}</th>
              {invitations && <th scope="col">{t('invite.column')}</th>}
            </tr>
          </thead>
          <tbody>
            {sorted.map((user) => (
              <tr key={user.id}>
                <th scope="row">
                  {user.name}
                  {user.title && <span className="muted"> · {user.title}</span>}
                </th>
                <td>{user.email ?? '–'}</td>
                <td>
                  <ul className="plain-list">
                    {roles
                      .filter((role) => role.userId === user.id && !role.revokedAt)
                      .map((role) => (
                        <li key={role.id}>
                          {label(ROLE_LABELS[role.role])}, {unitById.get(role.unitId)?.name ?? '–'}{' '}
                          {scope.rolesOn(role.unitId).includes(role.role) && (
                            <button
                              type="button"
                              className="button button-small button-quiet"
                              onClick={() => void act(() => revokeRoleAssignment(role.id))}
                            >
                              {t('admin.revoke', { role: label(ROLE_LABELS[role.role]), name: user.name })}
                            </button>
                          )}
                        </li>
                      ))}
                  </ul>
                </td>
                <td>
                  {user.deactivatedAt
                    ? t('admin.deactivated')
                    : user.canSignIn
                      ? t('admin.active')
                      : t('admin.noSignIn')}{' '}
                  {user.secondFactor && <span className="badge">{t('twoStep.badge')}</span>}{' '}
                  {user.breakGlass && <span className="badge">{t('breakGlass.badge')}</span>}{' '}
                  {scope.isTenantAdministrator && (user.breakGlass || administersTenant(user.id)) && (
                    <button
                      type="button"
                      className="button button-small button-quiet"
                      onClick={() =>
                        void act(() => updateUser(user.id, { version: user.version, breakGlass: !user.breakGlass }))
                      }
                    >
                      {user.breakGlass
                        ? t('breakGlass.unmark', { name: user.name })
                        : t('breakGlass.mark', { name: user.name })}
                    </button>
                  )}{' '}
                  {scope.isTenantAdministrator && (
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => void act(() => setUserDeactivated(user.id, !user.deactivatedAt))}
                    >
                      {user.deactivatedAt
                        ? t('admin.reactivate', { name: user.name })
                        : t('admin.deactivate', { name: user.name })}
                    </button>
                  )}
                </td>
                {invitations && (
                  <td>
                    <InvitationCell
                      user={user}
                      open={openInvitation.get(user.id)}
                      onInvite={(invited) => void invite(invited)}
                      onWithdraw={() => void withdraw(user)}
                    />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
