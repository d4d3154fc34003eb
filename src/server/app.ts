import { join } from 'node:path';
import { Hono } from 'hono';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from './db/client.ts';
import type { LinkMail } from './auth/link-mail.ts';
import { systemClock, type Clock } from '../domain/clock.ts';
import { AppError, type LocalizedText, problemResponse } from './errors.ts';
import { localize } from './messages/messages.ts';
import { packageRoot, packageVersion } from './paths.ts';
import { createRouter, type ApiEnv } from './http/api-router.ts';
import { ORG_IMPORT_MAX_BYTES } from '../domain/contracts/org-import.ts';
import { PLAN_IMPORT_DEFAULT_MAX_BYTES } from '../domain/plan-import.ts';
import { problemFromDatabaseError } from './http/database-errors.ts';
import { textGuard } from './http/text-guard.ts';
import { securityHeaders, type SecurityHeaderOptions } from './http/security-headers.ts';
import { apiDocsRoutes } from './http/api-docs.ts';
import { mountWebApp } from './http/web-app.ts';
import { authenticate } from './auth/authenticate.ts';
import { DEFAULT_AUTH_SETTINGS, type AuthSettings } from './auth/auth-settings.ts';
import { sessionRoutes, signInRoutes } from './features/auth/routes.ts';
import { linkRoutes } from './features/auth/link-routes.ts';
import { FirstRunSetup } from './features/tenants/first-run.ts';
import { setupRoutes } from './features/tenants/routes.ts';
import { orgUnitRoutes } from './features/org-units/routes.ts';
import { userRoutes } from './features/users/routes.ts';
import { tenantSettingsRoutes } from './features/tenant-settings/routes.ts';
import { roleAssignmentRoutes } from './features/role-assignments/routes.ts';
import { apiTokenRoutes } from './features/api-tokens/routes.ts';
import { statusRoutes } from './features/statuses/routes.ts';
import { vocabularyRoutes } from './features/vocabularies/routes.ts';
import { goalRoutes } from './features/goals/routes.ts';
import { commonControlRoutes } from './features/common-controls/routes.ts';
import { unitFunctionRoutes } from './features/unit-functions/routes.ts';
import { riskMatrixRoutes } from './features/risk-matrices/routes.ts';
import { planRoutes } from './features/plans/routes.ts';
import { riskRoutes } from './features/risks/routes.ts';
import { controlRoutes } from './features/controls/routes.ts';
import { actionRoutes } from './features/actions/routes.ts';
import { followUpRoutes } from './features/follow-ups/routes.ts';
import { followUpBoardRoutes } from './features/follow-ups/period-board-routes.ts';
import { activityRoutes } from './features/activities/routes.ts';
import { controlResultRoutes } from './features/control-results/routes.ts';
import { deviationRoutes } from './features/deviations/routes.ts';
import { reviewRoutes } from './features/reviews/routes.ts';
import { reportingCalendarRoutes } from './features/reporting-calendar/routes.ts';
import { auditEventRoutes } from './features/audit-events/routes.ts';
import { reportRoutes } from './features/reports/routes.ts';
import { archiveRoutes } from './features/archives/routes.ts';
import { orgImportRoutes } from './features/org-import/routes.ts';
import { planImportRoutes } from './features/plan-import/routes.ts';
import { planWorkbookRoutes } from './features/plan-import/workbook-routes.ts';
import { outboxRoutes } from './features/outbox/routes.ts';
import { overviewRoutes } from './features/overview/routes.ts';
import { recommendationRoutes } from './features/recommendations/routes.ts';
import { searchRoutes } from './features/search/routes.ts';
import { LOGO_MAX_BYTES } from '../domain/report-template.ts';
import { reportTemplateRoutes } from './features/report-templates/routes.ts';
import { reportTextRoutes } from './features/report-texts/routes.ts';
import { oidcRoutes } from './features/sso-oidc/routes.ts';
import { identityProviderRoutes, signInOptionRoutes } from './features/identity-providers/routes.ts';
import { samlMetadataRoutes, samlRoutes } from './features/sso-saml/routes.ts';
import { scimTokenRoutes } from './features/scim-tokens/routes.ts';
import { directoryGroupRoutes } from './features/directory-groups/routes.ts';
import { scimRoutes } from './features/scim/routes.ts';
import { attachmentRoutes, type AttachmentSettings } from './features/attachments/routes.ts';
import { ATTACHMENT_DEFAULT_MAX_BYTES } from '../domain/contracts/attachments.ts';

export interface AppDependencies {
  database: DatabaseHandle;
  /** Where "now" comes from for every request; the system clock unless a test or script fixes it. */
  clock?: Clock;
  /** The built web application (Vite's output); dist/web of the package by default. */
  webRoot?: string;
  /** Sign-in limits, session lifetimes and trusted proxies; the defaults unless configured. */
  auth?: AuthSettings;
  /** Allowed frame ancestors and whether the proxy in front is trusted; from the configuration. */
  security?: SecurityHeaderOptions;
  /**
   * The code that guards the first-run page, printed in the server's log when it starts on a
   * database without tenants; null or absent: no first run (the page answers 410).
   */
  setupCode?: string | null;
  /** The server key and public address for links by mail; by default no key (links are shown once). */
  linkMail?: LinkMail;
  /** The largest file a plan import takes, in bytes (IMPORT_MAX_MB). */
  importMaxBytes?: number;
  /** The largest evidence file (ATTACHMENT_MAX_MB) and the object storage, if any (S3_*). */
  attachments?: AttachmentSettings;
}

/** The largest request body the API accepts; the longest texts are bounded well below it. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** The body of an import: the largest file, base64-encoded (4/3), with room for the JSON around it. */
export const IMPORT_BODY_LIMIT_BYTES = Math.ceil((ORG_IMPORT_MAX_BYTES * 4) / 3) + 64 * 1024;

/** The HTTP application. Every feature's routes are mounted here, by hand, so this reads as the map of the API. */
export function createApp({
  database,
  clock = systemClock,
  webRoot = join(packageRoot, 'dist/web'),
  auth = DEFAULT_AUTH_SETTINGS,
  security,
  setupCode = null,
  linkMail = { key: null, publicUrl: 'http://localhost:3000', smtp: false },
  importMaxBytes = PLAN_IMPORT_DEFAULT_MAX_BYTES,
  attachments = { maxBytes: ATTACHMENT_DEFAULT_MAX_BYTES },
}: AppDependencies) {
  const app = new Hono();
  // First, so that every response gets them: API, docs, web app, files, 404s and errors.
  app.use('*', securityHeaders(security));

  // Liveness: the process answers. No database, so it is also the baseline of the API benchmark.
  app.get('/api/health/live', (c) => c.json({ status: 'ok' }));

  // Readiness: the process and its database answer.
  app.get('/api/health', async (c) => {
    try {
      await database.db.execute(sql`select 1`);
    } catch {
      throw new AppError('unavailable', 'The database does not answer.');
    }
    return c.json({ status: 'ok', database: database.kind, version: packageVersion });
  });

  const v1 = createRouter();
  v1.use('*', async (c, next) => {
    c.set('database', database);
    c.set('clock', clock);
    c.set('auth', auth);
    c.set('linkMail', linkMail);
    await next();
  });
  const ordinaryBodyLimit: MiddlewareHandler<ApiEnv> = bodyLimit({
    maxSize: BODY_LIMIT_BYTES,
    onError: () => {
      throw new AppError(
        'payload_too_large',
        localize((m) => m.problemDetails.payload_too_large),
      );
    },
  });
  // An import carries a whole spreadsheet, base64-encoded in its JSON.
  const importBodyLimit: MiddlewareHandler<ApiEnv> = bodyLimit({
    maxSize: IMPORT_BODY_LIMIT_BYTES,
    onError: () => {
      throw fieldTooLarge(
        'content',
        localize((m) => m.tables.tooLarge(ORG_IMPORT_MAX_BYTES / 1024 / 1024)),
      );
    },
  });
  // A plan import carries a whole plan or report, up to the configured size.
  const planImportBodyLimit: MiddlewareHandler<ApiEnv> = bodyLimit({
    maxSize: Math.ceil((importMaxBytes * 4) / 3) + 64 * 1024,
    onError: () => {
      throw fieldTooLarge(
        'content',
        localize((m) => m.planImport.tooLarge(Math.round(importMaxBytes / 1024 / 1024))),
      );
    },
  });
  // An evidence file comes as multipart/form-data: the file and a few small fields around it.
  const attachmentBodyLimit: MiddlewareHandler<ApiEnv> = bodyLimit({
    maxSize: attachments.maxBytes + 64 * 1024,
    onError: () => {
      throw fieldTooLarge(
        'file',
        localize((m) => m.attachments.tooLarge(Math.round(attachments.maxBytes / 1024 / 1024))),
      );
    },
  });
  // A logo comes base64-encoded in JSON: room for one well over its limit, so the refusal names it.
  const logoBodyLimit: MiddlewareHandler<ApiEnv> = bodyLimit({
    maxSize: 4 * LOGO_MAX_BYTES,
    onError: () => {
      throw fieldTooLarge(
        'content',
        localize((m) => m.reportTemplates.logoTooLarge(LOGO_MAX_BYTES / 1024 / 1024)),
      );
    },
  });
  const limitBody: MiddlewareHandler<ApiEnv> = (c, next) =>
    (c.req.path === '/api/v1/report-templates/logo' && c.req.method === 'PUT'
      ? logoBodyLimit
      : c.req.path === '/api/v1/imports' && c.req.method === 'POST'
        ? planImportBodyLimit
        : c.req.path === '/api/v1/attachments' && c.req.method === 'POST'
          ? attachmentBodyLimit
          : /^\/api\/v1\/imports\/(units|people)(\/|$)/.test(c.req.path)
            ? importBodyLimit
            : ordinaryBodyLimit)(c, next);
  v1.use('*', limitBody);
  // NUL and lone surrogates are refused in one place, for every endpoint and before signing in.
  v1.use('*', textGuard());

  // Open to everyone: signing in, one-time links, the first run and the API description.
  v1.route('/', signInRoutes());
  v1.route('/', linkRoutes());
  v1.route('/', setupRoutes(new FirstRunSetup(setupCode)));
  v1.route('/', signInOptionRoutes());
  v1.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Uppsikt API',
      version: packageVersion,
      description:
        'Intern kontroll och uppföljning – internal control and plan follow-up. Sign in with POST /auth/login (session cookie + X-CSRF-Token on writes) or send an API token as `Authorization: Bearer upt_…`.',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ session: [] }, { token: [] }],
  });

  // Everything below needs a signed-in caller.
  v1.use('*', authenticate());
  v1.route('/', sessionRoutes());
  v1.route('/', orgUnitRoutes());
  v1.route('/', userRoutes());
  v1.route('/', tenantSettingsRoutes());
  v1.route('/', roleAssignmentRoutes());
  v1.route('/', apiTokenRoutes());
  v1.route('/', statusRoutes());
  v1.route('/', vocabularyRoutes());
  v1.route('/', goalRoutes());
  v1.route('/', unitFunctionRoutes());
  v1.route('/', riskMatrixRoutes());
  v1.route('/', planRoutes());
  v1.route('/', riskRoutes());
  v1.route('/', controlRoutes());
  v1.route('/', commonControlRoutes());
  v1.route('/', actionRoutes());
  v1.route('/', activityRoutes());
  v1.route('/', followUpRoutes());
  v1.route('/', followUpBoardRoutes());
  v1.route('/', deviationRoutes());
  v1.route('/', controlResultRoutes());
  v1.route('/', reviewRoutes());
  v1.route('/', recommendationRoutes());
  v1.route('/', overviewRoutes());
  v1.route('/', searchRoutes());
  v1.route('/', reportingCalendarRoutes());
  v1.route('/', auditEventRoutes());
  v1.route('/', reportRoutes());
  v1.route('/', archiveRoutes());
  v1.route('/', reportTextRoutes());
  v1.route('/', reportTemplateRoutes());
  v1.route('/', outboxRoutes());
  v1.route('/', orgImportRoutes());
  v1.route('/', planImportRoutes({ maxBytes: importMaxBytes }));
  v1.route('/', planWorkbookRoutes());
  v1.route('/', attachmentRoutes(attachments));
  v1.route('/', samlMetadataRoutes());
  v1.route('/', identityProviderRoutes());
  v1.route('/', scimTokenRoutes());
  v1.route('/', directoryGroupRoutes());

  v1.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'uppsikt_session',
  });
  v1.openAPIRegistry.registerComponent('securitySchemes', 'token', { type: 'http', scheme: 'bearer' });

  app.route('/api/v1', v1);
  app.route('/api/docs', apiDocsRoutes());

  // Sign-in through the tenants' identity providers: the browser goes there and comes back here.
  const sso = new Hono<ApiEnv>();
  sso.use('*', async (c, next) => {
    c.set('database', database);
    c.set('clock', clock);
    c.set('auth', auth);
    c.set('linkMail', linkMail);
    await next();
  });
  sso.use('*', ordinaryBodyLimit);
  sso.route('/', oidcRoutes());
  app.route('/sso', sso);
  app.route('/', samlRoutes({ database, clock, auth, linkMail }));

  // SCIM provisioning by the tenant's directory: its own bearer token, media type and errors.
  app.route('/scim/v2', scimRoutes({ database, clock }));
  mountWebApp(app, webRoot);

  app.notFound((c) => problemResponse(c, new AppError('not_found')));
  app.onError((error, c) => {
    if (error instanceof AppError) return problemResponse(c, error);
    if (error instanceof HTTPException) return problemResponse(c, fromHttpException(error));
    const fromDatabase = problemFromDatabaseError(error);
    if (fromDatabase) return problemResponse(c, fromDatabase);
    console.error(error);
    return problemResponse(c, new AppError('internal'));
  });
  return app;
}

/**
 * A file sent to an upload (evidence, logo, import) that is over its limit: bad input at the field
 * that carries it (400), whether the body limit or the handler finds it, so a form shows it there.
 * Only a body to an ordinary route is 413.
 */
function fieldTooLarge(path: string, message: LocalizedText): AppError {
  return new AppError('validation_failed', message, [{ path, message }]);
}

/** Hono's own errors (malformed JSON, wrong content type) in our problem shape. */
function fromHttpException(error: HTTPException): AppError {
  if (error.status === 415) return new AppError('unsupported_media_type');
  if (error.status === 413) return new AppError('payload_too_large');
  if (error.status === 400)
    return new AppError(
      'validation_failed',
      localize((m) => m.http.malformedJson),
    );
  if (error.status === 401) return new AppError('unauthenticated');
  return new AppError('internal');
}
