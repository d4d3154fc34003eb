import { createRoute } from '@hono/zod-openapi';
import { page } from '../../../domain/contracts/common.ts';
import { directoryGroup, directoryGroupListQuery } from '../../../domain/contracts/scim.ts';
import { createRouter } from '../../http/api-router.ts';
import { json, problems } from '../../http/openapi-helpers.ts';
import { presentAs } from '../../http/present.ts';
import { listDirectoryGroups } from './list-directory-groups.ts';

const presentDirectoryGroup = presentAs(directoryGroup);

/** The groups the directory provisions over SCIM, read by the tenant administrator to write rules for them. */
export function directoryGroupRoutes() {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'get',
      path: '/directory-groups',
      tags: ['Administration'],
      summary: 'List the groups provisioned over SCIM, with their member counts (tenant administrator)',
      request: { query: directoryGroupListQuery },
      responses: { 200: json(page(directoryGroup), 'Groups'), ...problems('forbidden') },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const { items, total } = await listDirectoryGroups(c.get('database').db, c.get('access'), query);
      return c.json({ items: items.map(presentDirectoryGroup), total, limit: query.limit, offset: query.offset }, 200);
    },
  );
  return router;
}
