import { createRoute } from '@hono/zod-openapi';
import { idParams } from '../../../domain/contracts/common.ts';
import {
  invitation,
  openInvitations,
  user,
  userCreate,
  userListQuery,
  userUpdate,
} from '../../../domain/contracts/users.ts';
import { createRouter } from '../../http/api-router.ts';
import { json, problems, updateProblems } from '../../http/openapi-helpers.ts';
import { addStandardRoutes } from '../../http/standard-routes.ts';
import { createUser } from './create-user.ts';
import { deactivateUser } from './deactivate-user.ts';
import { findUser } from './find-user.ts';
import { inviteUser, listOpenInvitations, withdrawInvitation } from './invite-user.ts';
import { listUsers } from './list-users.ts';
import { presentUser } from './present.ts';
import { updateUser } from './update-user.ts';

/** The tenant's persons: everyone signed in reads them (names are shown everywhere); the tenant administrator edits them. */
export function userRoutes() {
  const router = createRouter();
  addStandardRoutes(router, {
    path: '/users',
    tags: ['Administration'],
    noun: 'user',
    output: user,
    createInput: userCreate,
    updateInput: userUpdate,
    listQuery: userListQuery,
    present: presentUser,
    list: listUsers,
    find: (db, access, userId) => findUser(db, access, { userId }),
    create: createUser,
    update: (tx, access, userId, version, changes) => updateUser(tx, access, { userId, version, changes }),
  });
  for (const [action, deactivated] of [
    ['deactivate', true],
    ['reactivate', false],
  ] as const) {
    router.openapi(
      createRoute({
        method: 'post',
        path: `/users/{id}/${action}`,
        tags: ['Administration'],
        summary: deactivated ? 'Deactivate a person who has left (kept, never deleted)' : 'Reactivate a person',
        request: { params: idParams },
        responses: { 200: json(user, deactivated ? 'Deactivated' : 'Reactivated'), ...updateProblems },
      }),
      async (c) => {
        const row = await c
          .get('database')
          .db.transaction((tx) =>
            deactivateUser(tx, c.get('access'), { userId: c.req.valid('param').id, deactivated }),
          );
        return c.json(presentUser(row), 200);
      },
    );
  }

  router.openapi(
    createRoute({
      method: 'get',
      path: '/invitations',
      tags: ['Administration'],
      summary: 'The invitations whose links still work (tenant administrator)',
      responses: { 200: json(openInvitations, 'Open invitations'), ...problems('forbidden') },
    }),
    async (c) => c.json({ items: await listOpenInvitations(c.get('database').db, c.get('access')) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/users/{id}/invitation',
      tags: ['Administration'],
      summary:
        'Invite a person: a one-time link, valid 7 days, to choose a password; again: a new link, the older withdrawn',
      description:
        'With SMTP and a server key the link is mailed and never shown; otherwise it is returned once in `link` for the administrator to pass on.',
      request: { params: idParams },
      responses: { 200: json(invitation, 'Invited'), ...problems('validation_failed', 'forbidden', 'not_found') },
    }),
    async (c) => {
      const sent = await c
        .get('database')
        .db.transaction((tx) =>
          inviteUser(tx, c.get('access'), { userId: c.req.valid('param').id, linkMail: c.get('linkMail') }),
        );
      return c.json(sent, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'delete',
      path: '/users/{id}/invitation',
      tags: ['Administration'],
      summary: 'Withdraw a person’s invitation: its link stops working',
      request: { params: idParams },
      responses: { 204: { description: 'Withdrawn (or there was none)' }, ...problems('forbidden', 'not_found') },
    }),
    async (c) => {
      await c
        .get('database')
        .db.transaction((tx) => withdrawInvitation(tx, c.get('access'), { userId: c.req.valid('param').id }));
      return c.body(null, 204);
    },
  );

  return router;
}
