import { createRoute } from '@hono/zod-openapi';
import {
  commonControl,
  commonControlCreate,
  commonControlListQuery,
  commonControlResults,
  commonControlTakeOver,
  commonControlUpdate,
} from '../../../domain/contracts/common-controls.ts';
import { idParams } from '../../../domain/contracts/common.ts';
import { createRouter } from '../../http/api-router.ts';
import { json, jsonBody, problems, readProblems } from '../../http/openapi-helpers.ts';
import { addStandardRoutes } from '../../http/standard-routes.ts';
import { commonControlResultsOf } from './common-control-results.ts';
import { findCommonControl, listCommonControls, presentCommonControl } from './read-common-controls.ts';
import { takeOverCommonControl } from './take-over-common-control.ts';
import { archiveCommonControl, createCommonControl, updateCommonControl } from './write-common-controls.ts';

/**
 * Kommungemensamma kontrollmoment: the kommunstyrelse (through the kommun unit) or any unit
 * defines them for a year; they are copied into the plans of the nämnder and bolag below it,
 * which follow them up like their own; the origin sees the results side by side.
 */
export function commonControlRoutes() {
  const router = createRouter();
  addStandardRoutes(router, {
    path: '/common-controls',
    tags: ['Plans'],
    noun: 'common control',
    output: commonControl,
    createInput: commonControlCreate,
    updateInput: commonControlUpdate,
    listQuery: commonControlListQuery,
    present: presentCommonControl,
    list: listCommonControls,
    find: findCommonControl,
    create: createCommonControl,
    update: updateCommonControl,
    archive: archiveCommonControl,
  });
  router.openapi(
    createRoute({
      method: 'get',
      path: '/common-controls/{id}/results',
      tags: ['Plans'],
      summary: 'How each unit reached follows the common control up: status, results per period, deviations',
      request: { params: idParams },
      responses: { 200: json(commonControlResults, 'One entry per unit reached'), ...readProblems },
    }),
    async (c) =>
      c.json(await commonControlResultsOf(c.get('database').db, c.get('access'), c.req.valid('param').id), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/common-controls/{id}/take-over',
      tags: ['Plans'],
      summary:
        'Take the common control (or its latest change) into the unit’s adopted plan for the year: the unit’s managers',
      request: { params: idParams, ...jsonBody(commonControlTakeOver) },
      responses: {
        200: json(commonControl, 'The common control with the unit’s copy'),
        ...problems('validation_failed', 'forbidden', 'not_found'),
      },
    }),
    async (c) => {
      const access = c.get('access');
      const row = await c.get('database').db.transaction((tx) =>
        takeOverCommonControl(tx, access, {
          commonControlId: c.req.valid('param').id,
          unitId: c.req.valid('json').unitId,
        }),
      );
      return c.json(presentCommonControl(row), 200);
    },
  );
  return router;
}
