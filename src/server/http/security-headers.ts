import type { Context, MiddlewareHandler } from 'hono';

/** How the security headers are set; both come from the configuration. */
export interface SecurityHeaderOptions {
  /** The CSP frame-ancestors source list: "'none'" unless embedding is configured (FRAME_ANCESTORS). */
  frameAncestors?: string;
  /** Whether X-Forwarded-Proto from the reverse proxy in front is believed (TRUST_PROXY). */
  trustProxy?: boolean;
}

/** One year: what browsers and the HSTS preload list expect. */
const HSTS = 'max-age=31536000';

/**
 * The Content-Security-Policy of each kind of response. Nothing the API sends needs a script
 * except the web application and Swagger UI, which load theirs from the same origin only.
 */
function policyFor(c: Context, frameAncestors: string): string {
  const path = c.req.path;
  // Stryker disable next-line StringLiteral: equivalent, any text that does not begin with text/html reads as "not HTML"
  const contentType = c.res.headers.get('content-type') ?? '';
  const isHtml = contentType.startsWith('text/html');
  const ancestors = `frame-ancestors ${frameAncestors}`;
  if (path === '/api/docs' || path.startsWith('/api/docs/')) {
    // Swagger UI: its bundle and start script from here, React's style attributes, data: icons in
    // its CSS, and fetches of the OpenAPI document and "Try it out" calls to the same origin.
    return `default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; ${ancestors}`;
  }
  if (path.startsWith('/api/')) {
    // A report preview is a document of users' text: its own <style> and style attributes, no
    // script at all (sandbox also stops any that slipped through). Files and JSON need nothing.
    if (isHtml)
      return `default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; ${ancestors}; sandbox`;
    return `default-src 'none'; ${ancestors}; sandbox`;
  }
  // The web application (its page, assets and anything else outside /api).
  return `default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; ${ancestors}; form-action 'self'`;
}

/** Whether the caller reached us over TLS: directly, or through a trusted proxy that says so. */
export function overTls(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (!trustProxy) return false;
  const forwarded = c.req.header('x-forwarded-proto');
  return forwarded?.split(',')[0]?.trim().toLowerCase() === 'https';
}

/**
 * Security headers on every response: API JSON and problems, the report preview, report files,
 * /api/docs, the web application and its assets, 404s and errors. Mounted first, so that it
 * sees every response, including those of onError and notFound.
 */
export function securityHeaders({
  frameAncestors = "'none'",
  trustProxy = false,
}: SecurityHeaderOptions = {}): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    headers.set('x-content-type-options', 'nosniff');
    headers.set('referrer-policy', 'same-origin');
    headers.set('content-security-policy', policyFor(c, frameAncestors));
    // For browsers that predate frame-ancestors.
    if (frameAncestors === "'none'") headers.set('x-frame-options', 'DENY');
    else headers.delete('x-frame-options');
    if (overTls(c, trustProxy)) headers.set('strict-transport-security', HSTS);
  };
}
