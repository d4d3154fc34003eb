import { createRoute } from '@hono/zod-openapi';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Clock } from '../../../domain/clock.ts';
import { samlSettings } from '../../../domain/contracts/identity-providers.ts';
import { samlMetadataImport } from '../../../domain/contracts/saml-metadata.ts';
import type { AuthSettings } from '../../auth/auth-settings.ts';
import type { LinkMail } from '../../auth/link-mail.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { createRouter } from '../../http/api-router.ts';
import { json, jsonBody, problems } from '../../http/openapi-helpers.ts';
import { failSignIn, findFlowProvider, finishSignIn, SsoFailure, type FlowProvider } from '../../sso/browser-flow.ts';
import { samlServiceProviderMetadata } from '../../sso/saml.ts';
import { acceptSamlResponse } from './accept-saml-response.ts';
import { importSamlMetadata } from './import-saml-metadata.ts';
import { startSamlSignIn } from '../../sso/saml-flow.ts';

/** What the browser's SAML addresses need from the server, as the API's routes have it. */
export interface SamlRouteDependencies {
  database: DatabaseHandle;
  clock: Clock;
  auth: AuthSettings;
  linkMail: LinkMail;
}

interface SamlEnv {
  Variables: SamlRouteDependencies;
}

/** The largest form the IdP may post: a response with many groups is a few hundred kilobytes. */
const ACS_BODY_LIMIT_BYTES = 1024 * 1024;

const SAML_PATH = '/sso/:tenant/:provider/saml';

/** The provider a SAML address names; `forTest` also finds one turned off. */
function providerOf(c: Context<SamlEnv>, forTest = false): Promise<FlowProvider> {
  return findFlowProvider(
    c.get('database').db,
    { tenant: c.req.param('tenant')!, provider: c.req.param('provider')!, protocol: 'saml' },
    forTest,
  );
}

/** A form field as text; absent, a file or several values: null. */
function field(form: Record<string, unknown>, name: string): string | null {
  const value = form[name];
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * The browser's side of SAML sign-in, outside the API: the sign-in start (to the IdP with an
 * AuthnRequest), the assertion consumer service the IdP posts the response to, and our
 * metadata. Every failure sends the browser to the sign-in page, which explains it.
 */
export function samlRoutes(dependencies: SamlRouteDependencies) {
  const router = new Hono<SamlEnv>();
  // Scoped to the SAML addresses: mounted at '/', a '*' here would run for every request.
  router.use(`${SAML_PATH}/*`, async (c, next) => {
    c.set('database', dependencies.database);
    c.set('clock', dependencies.clock);
    c.set('auth', dependencies.auth);
    c.set('linkMail', dependencies.linkMail);
    await next();
  });

  router.get(`${SAML_PATH}/login`, async (c) => {
    let provider: FlowProvider | null = null;
    try {
      provider = await providerOf(c);
      const { url: address } = await startSamlSignIn(c.get('database').db, provider, {
        publicUrl: c.get('linkMail').publicUrl,
        returnTo: c.req.query('returnTo'),
        now: c.get('clock').now(),
      });
      return c.redirect(address, 303);
    } catch (error) {
      return failSignIn(c, provider, error);
    }
  });

  router.post(
    `${SAML_PATH}/acs`,
    bodyLimit({
      maxSize: ACS_BODY_LIMIT_BYTES,
      onError: (c) => failSignIn(c, null, new SsoFailure('token_rejected', 'the response is too large')),
    }),
    async (c) => {
      let provider: FlowProvider | null = null;
      try {
        // A provider turned off still completes an administrator's test sign-in (checked with the attempt).
        provider = await providerOf(c, true);
        const form = await c.req.parseBody().catch(() => ({}));
        const { attempt, claims } = await acceptSamlResponse(c.get('database').db, provider, {
          publicUrl: c.get('linkMail').publicUrl,
          samlResponse: field(form, 'SAMLResponse'),
          relayState: field(form, 'RelayState'),
          now: c.get('clock').now(),
        });
        return await finishSignIn(c, provider, attempt, claims);
      } catch (error) {
        return failSignIn(c, provider, error);
      }
    },
  );

  router.get(`${SAML_PATH}/metadata`, async (c) => {
    // The metadata is public, and needed to set the IdP up before the provider is turned on.
    const provider = await providerOf(c, true).catch((error: unknown) => {
      if (error instanceof SsoFailure) throw new AppError('not_found');
      throw error;
    });
    return c.body(samlServiceProviderMetadata(c.get('linkMail').publicUrl, provider), 200, {
      'content-type': 'application/samlmetadata+xml; charset=utf-8',
    });
  });
  return router;
}

/** The administrator's help with a SAML provider in the API: its settings from the IdP's metadata. */
export function samlMetadataRoutes() {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'post',
      path: '/identity-providers/saml-metadata',
      tags: ['Administration'],
      summary: "Read a SAML IdP's metadata (from its address or the file) into provider settings; nothing is saved",
      request: jsonBody(samlMetadataImport),
      responses: {
        200: json(samlSettings, 'The settings to create the provider with'),
        ...problems('validation_failed', 'forbidden'),
      },
    }),
    async (c) => {
      const settings = await importSamlMetadata(c.get('access'), c.req.valid('json'));
      return c.json(settings, 200);
    },
  );
  return router;
}
