import { createRoute, z } from '@hono/zod-openapi';
import { idParams } from '../../../domain/contracts/common.ts';
import {
  identityProvider,
  identityProviderCreate,
  identityProviderListQuery,
  identityProviderUpdate,
  roleMappingPreview,
  roleMappingRule,
  roleMappingRuleCreate,
  roleMappingRuleUpdate,
  signInOptions,
  signInOptionsQuery,
  testSignInResult,
  testSignInStart,
} from '../../../domain/contracts/identity-providers.ts';
import type { Context } from 'hono';
import { createRouter, type ApiEnv } from '../../http/api-router.ts';
import { createProblems, json, jsonBody, problems, readProblems, updateProblems } from '../../http/openapi-helpers.ts';
import { presentProvider, presentRule } from './present.ts';
import {
  archiveProvider,
  createProvider,
  findProvider,
  listProviders,
  tenantSlug,
  updateProvider,
} from './providers.ts';
import { archiveRule, createRule, listRules, previewRule, updateRule } from './rules.ts';
import { signInOptions as readSignInOptions } from './sign-in-options.ts';
import { readTestSignIn, startTestSignIn } from './test-sign-in.ts';

const tags = ['Sign-in through identity providers'];

/** What a provider's addresses are made of: the public address and the caller's tenant's short name. */
async function addressContext(c: Context<ApiEnv>) {
  return {
    publicUrl: c.get('linkMail').publicUrl,
    tenantSlug: await tenantSlug(c.get('database').db, c.get('access').tenantId),
  };
}
const archiveBody = jsonBody(z.strictObject({ archived: z.boolean() }));

/** What the sign-in page needs before anyone has signed in. */
export function signInOptionRoutes() {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'get',
      path: '/sign-in-options',
      tags,
      summary: "An organisation's ways of signing in (its identity providers), for the sign-in page",
      security: [],
      request: { query: signInOptionsQuery },
      responses: { 200: json(signInOptions, 'The buttons to show') },
    }),
    async (c) => {
      const { organisation } = c.req.valid('query');
      return c.json(
        await readSignInOptions(c.get('database').db, organisation || undefined, c.get('linkMail').publicUrl),
        200,
      );
    },
  );
  return router;
}

/** Identity providers and role-mapping rules, for the tenant administrator. */
export function identityProviderRoutes() {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/identity-providers',
      tags,
      summary: "The organisation's identity providers (tenant administrator)",
      request: { query: identityProviderListQuery },
      responses: { 200: json(z.object({ items: z.array(identityProvider) }), 'Providers'), ...problems('forbidden') },
    }),
    async (c) => {
      const access = c.get('access');
      const { db } = c.get('database');
      const rows = await listProviders(db, access, { includeArchived: c.req.valid('query').includeArchived ?? false });
      const context = await addressContext(c);
      return c.json({ items: rows.map((row) => presentProvider(row, context)) }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/identity-providers',
      tags,
      summary: 'Add an identity provider (OpenID Connect or SAML)',
      request: jsonBody(identityProviderCreate),
      responses: { 201: json(identityProvider, 'Added'), ...createProblems },
    }),
    async (c) => {
      const access = c.get('access');
      const { db } = c.get('database');
      const input = c.req.valid('json');
      const row = await db.transaction((tx) => createProvider(tx, access, input, c.get('linkMail').key));
      const context = await addressContext(c);
      return c.json(presentProvider(row, context), 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/identity-providers/{id}',
      tags,
      summary: 'One identity provider',
      request: { params: idParams },
      responses: { 200: json(identityProvider, 'The provider'), ...readProblems, ...problems('forbidden') },
    }),
    async (c) => {
      const access = c.get('access');
      const { db } = c.get('database');
      const row = await findProvider(db, access, c.req.valid('param').id);
      const context = await addressContext(c);
      return c.json(presentProvider(row, context), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/identity-providers/{id}',
      tags,
      summary: 'Change an identity provider; a client secret is written, never read',
      request: { params: idParams, ...jsonBody(identityProviderUpdate) },
      responses: { 200: json(identityProvider, 'Changed'), ...updateProblems },
    }),
    async (c) => {
      const access = c.get('access');
      const { db } = c.get('database');
      const context = await addressContext(c);
      const present = (row: Record<string, unknown>) =>
        presentProvider(row as Parameters<typeof presentProvider>[0], context);
      const row = await db.transaction((tx) =>
        updateProvider(tx, access, c.req.valid('param').id, c.req.valid('json'), c.get('linkMail').key, present),
      );
      return c.json(present(row), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/identity-providers/{id}/archive',
      tags,
      summary: 'Archive or restore an identity provider (nobody signs in through an archived one)',
      request: { params: idParams, ...archiveBody },
      responses: { 200: json(identityProvider, 'Done'), ...updateProblems },
    }),
    async (c) => {
      const access = c.get('access');
      const { db } = c.get('database');
      const row = await db.transaction((tx) =>
        archiveProvider(tx, access, c.req.valid('param').id, c.req.valid('json').archived),
      );
      const context = await addressContext(c);
      return c.json(presentProvider(row, context), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/identity-providers/{id}/test-sign-in',
      tags,
      summary: "Start a test sign-in: open the answer's address, sign in at the provider, and read the outcome",
      request: { params: idParams },
      responses: { 201: json(testSignInStart, 'Started'), ...updateProblems },
    }),
    async (c) => {
      const linkMail = c.get('linkMail');
      const started = await startTestSignIn(c.get('database').db, c.get('access'), c.req.valid('param').id, {
        serverKey: linkMail.key,
        publicUrl: linkMail.publicUrl,
        now: c.get('clock').now(),
      });
      return c.json(started, 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/identity-providers/{id}/test-sign-ins/{attemptId}',
      tags,
      summary: "A test sign-in's outcome: what the provider sent, and what the rules would give",
      request: {
        params: idParams.extend({ attemptId: z.uuid().meta({ param: { name: 'attemptId', in: 'path' } }) }),
      },
      responses: { 200: json(testSignInResult, 'The outcome'), ...readProblems, ...problems('forbidden') },
    }),
    async (c) => {
      const { id, attemptId } = c.req.valid('param');
      return c.json(await readTestSignIn(c.get('database').db, c.get('access'), id, attemptId), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/role-mapping-rules',
      tags,
      summary: 'Rules that give roles on units from claims, groups and attributes',
      request: { query: identityProviderListQuery },
      responses: { 200: json(z.object({ items: z.array(roleMappingRule) }), 'Rules'), ...problems('forbidden') },
    }),
    async (c) => {
      const rows = await listRules(c.get('database').db, c.get('access'), {
        includeArchived: c.req.valid('query').includeArchived ?? false,
      });
      return c.json({ items: rows.map(presentRule) }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/role-mapping-rules',
      tags,
      summary: 'Add a rule; it takes effect at the next sign-in or directory change',
      request: jsonBody(roleMappingRuleCreate),
      responses: { 201: json(roleMappingRule, 'Added'), ...createProblems },
    }),
    async (c) => {
      const row = await c.get('database').db.transaction((tx) => createRule(tx, c.get('access'), c.req.valid('json')));
      return c.json(presentRule(row), 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/role-mapping-rules/preview',
      tags,
      summary: 'Whom a rule would give its role, from last sign-ins and directory groups; nothing is written',
      request: jsonBody(roleMappingRuleCreate),
      responses: { 200: json(roleMappingPreview, 'Who'), ...problems('validation_failed', 'forbidden') },
    }),
    async (c) => c.json(await previewRule(c.get('database').db, c.get('access'), c.req.valid('json')), 200),
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/role-mapping-rules/{id}',
      tags,
      summary: 'Change a rule',
      request: { params: idParams, ...jsonBody(roleMappingRuleUpdate) },
      responses: { 200: json(roleMappingRule, 'Changed'), ...updateProblems },
    }),
    async (c) => {
      const row = await c
        .get('database')
        .db.transaction((tx) =>
          updateRule(tx, c.get('access'), c.req.valid('param').id, c.req.valid('json'), (current) =>
            presentRule(current),
          ),
        );
      return c.json(presentRule(row), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/role-mapping-rules/{id}/archive',
      tags,
      summary: 'Archive or restore a rule; the roles it gave are taken back at the next sign-in',
      request: { params: idParams, ...archiveBody },
      responses: { 200: json(roleMappingRule, 'Done'), ...updateProblems },
    }),
    async (c) => {
      const row = await c
        .get('database')
        .db.transaction((tx) =>
          archiveRule(tx, c.get('access'), c.req.valid('param').id, c.req.valid('json').archived),
        );
      return c.json(presentRule(row), 200);
    },
  );

  return router;
}
