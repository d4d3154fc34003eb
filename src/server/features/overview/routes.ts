import { createRoute } from '@hono/zod-openapi';
import { overview, overviewQuery } from '../../../domain/contracts/overview.ts';
import { todayInSweden } from '../../../domain/clock.ts';
import { createRouter } from '../../http/api-router.ts';
import { json, problems } from '../../http/openapi-helpers.ts';
import { unitOverview } from '../../overview/unit-overview.ts';

/** Kommunstyrelsens översikt: the status of every unit's plans for a year, summed per unit. */
export function overviewRoutes() {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'get',
      path: '/overview',
      tags: ['Overview'],
      summary:
        'Kommunstyrelsens översikt: per unit the status, overdue items, deviations and risks of its plans for a year',
      description:
        "The scope's own plans and every unit directly under it (with everything below it), counting the internkontrollplaner and aktivitetsplaner whose period covers the year. A deviation counts with the plan of the control that found it, also when it was found after the year (the year-end follow-up). Overdue is measured against today in Sweden. The council-summary report prints the same figures. Only units the caller reads are shown and counted. The risks are also totalled per process and per risk category (byProcess, byCategory); with process or category given, only the risks of it count, with their controls, the actions answering them and the deviations found, and activities are left out.",
      request: { query: overviewQuery },
      responses: { 200: json(overview, 'The overview'), ...problems('validation_failed', 'not_found') },
    }),
    async (c) => {
      const access = c.get('access');
      const query = c.req.valid('query');
      const result = await unitOverview(c.get('database').db, {
        tenantId: access.tenantId,
        unitId: query.unit,
        year: query.year,
        today: todayInSweden(c.get('clock')),
        readableUnitIds: access.readableUnitIds(),
        processId: query.process,
        categoryId: query.category,
      });
      return c.json(result, 200);
    },
  );
  return router;
}
