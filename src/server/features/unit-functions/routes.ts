import { createRoute } from '@hono/zod-openapi';
import { idParams } from '../../../domain/contracts/common.ts';
import {
  functionHoldingCreate,
  functionHoldingEnd,
  functionHoldingUpdate,
  holdingParams,
  unitFunction,
  unitFunctionCreate,
  unitFunctionListQuery,
  unitFunctionUpdate,
} from '../../../domain/contracts/unit-functions.ts';
import { expectedVersion } from '../../audit/audited-writes.ts';
import { createRouter } from '../../http/api-router.ts';
import { createProblems, json, jsonBody, updateProblems } from '../../http/openapi-helpers.ts';
import { addStandardRoutes } from '../../http/standard-routes.ts';
import { createUnitFunction } from './create-unit-function.ts';
import { addHolding, changeHolding, endHolding } from './holdings.ts';
import { presentUnitFunction } from './present.ts';
import { findUnitFunction, showUnitFunction } from './unit-function-rules.ts';
import { archiveUnitFunction, updateUnitFunction } from './update-unit-function.ts';
import { listUnitFunctions } from './list-unit-functions.ts';

const tags = ['Organisation'];

/**
 * Functions (befattningar) of units, e.g. "Ekonomichef" of Socialförvaltningen, and who holds
 * them when: everyone who reads the unit reads them, its administrators and coordinators change them.
 */
export function unitFunctionRoutes() {
  const router = createRouter();
  addStandardRoutes(router, {
    path: '/unit-functions',
    tags,
    noun: 'unit function',
    output: unitFunction,
    createInput: unitFunctionCreate,
    updateInput: unitFunctionUpdate,
    listQuery: unitFunctionListQuery,
    present: presentUnitFunction,
    list: listUnitFunctions,
    find: async (db, access, functionId) =>
      showUnitFunction(db, access, await findUnitFunction(db, access, functionId)),
    create: createUnitFunction,
    update: (tx, access, functionId, version, changes) =>
      updateUnitFunction(tx, access, { functionId, version, changes }),
    archive: archiveUnitFunction,
  });

  router.openapi(
    createRoute({
      method: 'post',
      path: '/unit-functions/{id}/holders',
      tags,
      summary: 'Name who holds a function from a day (holdings of one function never overlap)',
      request: { params: idParams, ...jsonBody(functionHoldingCreate) },
      responses: { 201: json(unitFunction, 'The function with its holdings'), ...createProblems },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const row = await c.get('database').db.transaction((tx) => addHolding(tx, c.get('access'), id, input));
      return c.json(presentUnitFunction(row), 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/unit-functions/{id}/holders/{holdingId}',
      tags,
      summary: 'Change the days of a holding (holdings are never deleted)',
      request: { params: holdingParams, ...jsonBody(functionHoldingUpdate) },
      responses: { 200: json(unitFunction, 'The function with its holdings'), ...updateProblems },
    }),
    async (c) => {
      const { id, holdingId } = c.req.valid('param');
      const { version, ...changes } = c.req.valid('json');
      const expected = expectedVersion(version, c.req.header('if-match'));
      const row = await c
        .get('database')
        .db.transaction((tx) => changeHolding(tx, c.get('access'), id, holdingId, expected, changes));
      return c.json(presentUnitFunction(row), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/unit-functions/{id}/holders/{holdingId}/end',
      tags,
      summary: 'End a holding on a day (by default today)',
      request: { params: holdingParams, ...jsonBody(functionHoldingEnd) },
      responses: { 200: json(unitFunction, 'The function with its holdings'), ...updateProblems },
    }),
    async (c) => {
      const { id, holdingId } = c.req.valid('param');
      const input = c.req.valid('json');
      const row = await c.get('database').db.transaction((tx) => endHolding(tx, c.get('access'), id, holdingId, input));
      return c.json(presentUnitFunction(row), 200);
    },
  );
  return router;
}
