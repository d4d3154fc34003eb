import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import Provider from 'oidc-provider';

/**
 * A real OpenID provider for the tests: the `oidc-provider` package (a certified
 * implementation), on a free port of this machine, with its development sign-in form (any
 * password is accepted for a known login) and consent page. Its ID tokens are signed with a key
 * made here, which also lets a test make the provider misbehave the way a hostile or broken one
 * would: answer the next token request with an ID token, validly signed with the provider's own
 * key, that is meant for another client or has expired.
 */

export interface TestAccount {
  /** What is typed into the provider's sign-in form; also the stable subject. */
  login: string;
  email: string;
  name: string;
  groups: string[];
}

export interface TestClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
}

/** How the next token answer goes wrong. */
export type Misbehaviour = 'wrong-audience' | 'expired';

export interface TestOidcProvider {
  issuer: string;
  /** Accounts can be added while the provider runs (a person who joins later). */
  accounts: Map<string, TestAccount>;
  /** The next token answer carries a bad ID token; then the provider behaves again. */
  misbehaveOnce(kind: Misbehaviour): void;
  stop(): Promise<void>;
}

export async function startOidcProvider(options: {
  accounts: TestAccount[];
  clients: TestClient[];
  /** Seconds an ID token lives (the provider's default is an hour). */
  idTokenTtl?: number;
}): Promise<TestOidcProvider> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey: JWK = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const accounts = new Map(options.accounts.map((account) => [account.login, account]));

  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: options.clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: client.redirectUris,
      post_logout_redirect_uris: client.postLogoutRedirectUris ?? [],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    })),
    jwks: { keys: [signingKey] },
    cookies: { keys: ['test cookie key, not a secret of anything'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    ttl: { IdToken: options.idTokenTtl ?? 3600 },
    findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return Promise.resolve(undefined);
      return Promise.resolve({
        accountId: id,
        claims: () => ({
          sub: id,
          email: account.email,
          email_verified: true,
          name: account.name,
          groups: account.groups,
        }),
      });
    },
  });
  // The provider is reached over plain http on loopback: tell it not to insist on TLS cookies.
  provider.proxy = false;

  let misbehaviour: Misbehaviour | null = null;
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path !== '/token' || misbehaviour === null || ctx.status !== 200) return;
    const body = ctx.body as { id_token?: string };
    if (typeof body?.id_token !== 'string') return;
    const claims = decodeJwt(body.id_token);
    const now = Math.floor(Date.now() / 1000);
    const changed =
      misbehaviour === 'wrong-audience'
        ? { ...claims, aud: 'another-application' }
        : { ...claims, iat: now - 3 * 3600, exp: now - 2 * 3600 };
    misbehaviour = null;
    ctx.body = {
      ...body,
      id_token: await new SignJWT(changed)
        .setProtectedHeader({ alg: 'RS256', kid: signingKey.kid! })
        .sign(await importJWK(signingKey, 'RS256')),
    };
  });

  const handle = provider.callback();
  server.on('request', (request, response) => void handle(request, response));
  return {
    issuer,
    accounts,
    misbehaveOnce(kind) {
      misbehaviour = kind;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
