import { createRoute } from '@hono/zod-openapi';
import { idParams } from '../../../domain/contracts/common.ts';
import { user, userCreate, userListQuery, userUpdate } from '../../../domain/contracts/users.ts';
import { createRouter } from '../../http/api-router.ts';
import { json, updateProblems } from '../../http/openapi-helpers.ts';
import { addStandardRoutes } from '../../http/standard-routes.ts';
import { createUser } from './create-user.ts';
import { deactivateUser } from './deactivate-user.ts';
import { findUser } from './find-user.ts';
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
  return router;
}
