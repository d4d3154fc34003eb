import { createRoute } from '@hono/zod-openapi';
import { searchQuery, searchResults } from '../../../domain/contracts/search.ts';
import { createRouter } from '../../http/api-router.ts';
import { json, problems } from '../../http/openapi-helpers.ts';
import { searchEverything } from './search-everything.ts';

/** One search over everything the caller could open: the search field on every page. */
export function searchRoutes() {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'get',
      path: '/search',
      tags: ['Search'],
      summary:
        'Search plans, risks, kontrollmoment, åtgärder, aktiviteter, avvikelser, granskningar, rekommendationer, persons and diarienummer',
      description:
        "Full-text search with Swedish stemming (an inflected form finds the base form), the last word also as a prefix. The hits are grouped by kind, each with its unit and the plan's years, at most `limit` of each kind, the best first. Only what the caller could open is found, as in the lists: their units' plans and everything in them, reviews and recommendations also when addressed to a unit they read, and the tenant's active persons; archived items are left out.",
      request: { query: searchQuery },
      responses: { 200: json(searchResults, 'The hits, grouped by kind'), ...problems('validation_failed') },
    }),
    async (c) => {
      const { q, limit } = c.req.valid('query');
      const result = await searchEverything(c.get('database').db, c.get('access'), { q, limit });
      return c.json(result, 200);
    },
  );
  return router;
}
