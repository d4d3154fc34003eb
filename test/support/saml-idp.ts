import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * A real SAML 2.0 identity provider for the tests: SimpleSAMLphp from Debian's package
 * (`apt-get install -y simplesamlphp php-cli php-xml php-mbstring`), configured in a folder of
 * its own (SIMPLESAMLPHP_CONFIG_DIR) with a key pair made by openssl at start, people who sign
 * in with a user name and password (exampleauth:UserPass) and carry attributes, and served by
 * PHP's built-in web server on a free port. Nothing of the protocol is mocked: the responses
 * the tests post to Uppsikt are the IdP's own, signed with its key. Without PHP or
 * SimpleSAMLphp it throws, so that the tests that need it fail rather than skip.
 */

/** Where Debian's package puts SimpleSAMLphp. */
const SIMPLESAMLPHP = process.env.SIMPLESAMLPHP_DIR ?? '/usr/share/simplesamlphp';

export interface SamlIdpUser {
  username: string;
  password: string;
  /** SAML attributes: uid (the NameID), email, displayName, groups … */
  attributes: Record<string, string[]>;
}

/**
 * The people of the test IdP. Anna's groups match a rule in the tests; Bertil's and Cecilia's
 * match none (Cecilia's address is one a test gives a person already in Uppsikt).
 */
export const SAML_IDP_USERS = {
  anna: {
    username: 'anna',
    password: 'annas-lösenord',
    attributes: {
      uid: ['anna-1001'],
      email: ['anna.berg@kommun.example'],
      displayName: ['Anna Berg'],
      groups: ['IK-Samordnare', 'Alla anställda'],
    },
  },
  bertil: {
    username: 'bertil',
    password: 'bertils-lösenord',
    attributes: {
      uid: ['bertil-1002'],
      email: ['bertil.ek@kommun.example'],
      displayName: ['Bertil Ek'],
      groups: ['Alla anställda'],
    },
  },
  cecilia: {
    username: 'cecilia',
    password: 'cecilias-lösenord',
    attributes: {
      uid: ['cecilia-1003'],
      email: ['Cecilia.Holm@kommun.example'],
      displayName: ['Cecilia Holm'],
      groups: ['Alla anställda'],
    },
  },
} satisfies Record<string, SamlIdpUser>;

/** A service provider the IdP knows: its entity id and assertion consumer service. */
export interface ServiceProviderEntry {
  entityId: string;
  acs: string;
  /** False: the IdP signs only the response around the assertion, not the assertion itself. */
  signAssertion?: boolean;
}

/** What the IdP's page posts back to the service provider (the browser's auto-submitted form). */
export interface PostedResponse {
  action: string;
  SAMLResponse: string;
  RelayState: string | null;
}

export interface SamlIdp {
  /** The IdP's entity id, which is also its metadata address. */
  entityId: string;
  metadataUrl: string;
  ssoUrl: string;
  /** Its signing certificate, bare base64 as in its metadata. */
  certificate: string;
  metadataXml(): Promise<string>;
  /** Lets a service provider ask this IdP for assertions (SimpleSAMLphp refuses unknown ones). */
  registerServiceProvider(sp: ServiceProviderEntry): void;
  /** The IdP's clock, from its answer's Date header (seconds). */
  now(): Promise<Date>;
  /**
   * Follows a sign-in address (the AuthnRequest at the IdP) as a browser would: the login form,
   * the person's user name and password, and the page that posts the response back.
   */
  signIn(signInUrl: string, user: SamlIdpUser): Promise<PostedResponse>;
  /** An IdP-initiated (unsolicited) sign-in to a service provider: a response to no request. */
  signInUnsolicited(spEntityId: string, user: SamlIdpUser): Promise<PostedResponse>;
  /** What PHP has written to its log so far. */
  log(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Fails with what to install when PHP, its XML module or SimpleSAMLphp is missing. */
function assertInstalled() {
  const php = spawnSync('php', ['-r', 'exit(class_exists("DOMDocument") && function_exists("mb_strlen") ? 0 : 3);']);
  const install = 'Install them with "apt-get install -y simplesamlphp php-cli php-xml php-mbstring".';
  if (php.error) throw new Error(`The SAML tests need PHP and SimpleSAMLphp, and there is no php. ${install}`);
  if (php.status !== 0) throw new Error(`PHP lacks its XML or mbstring module. ${install}`);
  if (!existsSync(join(SIMPLESAMLPHP, 'www/saml2/idp/SSOService.php')))
    throw new Error(`SimpleSAMLphp is not at ${SIMPLESAMLPHP}. ${install}`);
}

/** PHP that returns the JSON file beside it as an array, so no value needs PHP quoting. */
const fromJson = (variable: string, file: string) =>
  `<?php\n$${variable} = json_decode(file_get_contents(__DIR__ . '/${file}'), true, 512, JSON_THROW_ON_ERROR);\n`;

/** Starts a SimpleSAMLphp IdP with the given people; stop() ends it and removes its folder. */
export async function startSamlIdp(users: SamlIdpUser[] = Object.values(SAML_IDP_USERS)): Promise<SamlIdp> {
  assertInstalled();
  const root = mkdtempSync(join(tmpdir(), 'uppsikt-saml-idp-'));
  const dirs = Object.fromEntries(
    ['config', 'metadata', 'cert', 'tmp', 'data', 'log', 'sessions'].map((name) => {
      mkdirSync(join(root, name));
      return [name, join(root, name)];
    }),
  ) as Record<string, string>;
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      join(dirs.cert!, 'idp.key'),
      '-out',
      join(dirs.cert!, 'idp.crt'),
      '-days',
      '3650',
      '-subj',
      '/CN=Uppsikt test IdP',
    ],
    { stdio: 'ignore' },
  );
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;

  const config = {
    baseurlpath: `${base}/`,
    certdir: `${dirs.cert}/`,
    loggingdir: `${dirs.log}/`,
    datadir: `${dirs.data}/`,
    tempdir: dirs.tmp,
    metadatadir: `${dirs.metadata}/`,
    secretsalt: 'uppsikt-test-salt',
    'auth.adminpassword': 'not-used-in-tests',
    technicalcontact_name: 'Uppsikt tests',
    technicalcontact_email: 'tests@uppsikt.example',
    timezone: 'UTC',
    'logging.level': 6,
    'logging.handler': 'stderr',
    'enable.saml20-idp': true,
    'module.enable': { exampleauth: true, core: true, saml: true },
    'store.type': 'phpsession',
    'session.phpsession.savepath': dirs.sessions,
    'session.cookie.secure': false,
    'language.default': 'en',
  };
  writeFileSync(join(dirs.config!, 'config.json'), JSON.stringify(config));
  writeFileSync(join(dirs.config!, 'config.php'), fromJson('config', 'config.json'));
  // An authentication source is a PHP list whose first element names its class.
  const userPass: Record<string, unknown> = { 0: 'exampleauth:UserPass' };
  for (const user of users) userPass[`${user.username}:${user.password}`] = user.attributes;
  writeFileSync(join(dirs.config!, 'authsources.json'), JSON.stringify({ 'example-userpass': userPass }));
  writeFileSync(join(dirs.config!, 'authsources.php'), fromJson('config', 'authsources.json'));

  const hosted = {
    '__DYNAMIC:1__': {
      host: '__DEFAULT__',
      privatekey: join(dirs.cert!, 'idp.key'),
      certificate: join(dirs.cert!, 'idp.crt'),
      auth: 'example-userpass',
      // A stable NameID: the person's uid, whatever format is asked for besides transient.
      'simplesaml.nameidattribute': 'uid',
      'saml20.sign.assertion': true,
      'saml20.sign.response': true,
    },
  };
  writeFileSync(join(dirs.metadata!, 'saml20-idp-hosted.json'), JSON.stringify(hosted));
  writeFileSync(join(dirs.metadata!, 'saml20-idp-hosted.php'), fromJson('metadata', 'saml20-idp-hosted.json'));
  const serviceProviders = new Map<string, ServiceProviderEntry>();
  const writeServiceProviders = () => {
    const remote: Record<string, unknown> = {};
    for (const sp of serviceProviders.values())
      remote[sp.entityId] = {
        AssertionConsumerService: sp.acs,
        NameIDFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
        'saml20.sign.assertion': sp.signAssertion ?? true,
      };
    writeFileSync(join(dirs.metadata!, 'saml20-sp-remote.json'), JSON.stringify(remote));
  };
  writeServiceProviders();
  writeFileSync(join(dirs.metadata!, 'saml20-sp-remote.php'), fromJson('metadata', 'saml20-sp-remote.json'));

  const output: string[] = [];
  const child: ChildProcess = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', join(SIMPLESAMLPHP, 'www')], {
    env: { ...process.env, SIMPLESAMLPHP_CONFIG_DIR: dirs.config },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));

  const metadataUrl = `${base}/saml2/idp/metadata.php`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(root, { recursive: true, force: true });
  };
  const started = performance.now();
  for (;;) {
    const failure =
      child.exitCode !== null
        ? `SimpleSAMLphp exited with ${child.exitCode}`
        : performance.now() - started > 30_000
          ? 'SimpleSAMLphp did not answer within 30 s'
          : null;
    if (failure) {
      await stop();
      throw new Error(`${failure}:\n${output.join('')}`);
    }
    const ready = await fetch(metadataUrl).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  const certificate = readFileSync(join(dirs.cert!, 'idp.crt'), 'utf8')
    .replace(/-----(BEGIN|END) CERTIFICATE-----/g, '')
    .replace(/\s+/g, '');

  /** A browser's cookies and redirects at the IdP, for one sign-in. */
  const browse = () => {
    const jar = new Map<string, string>();
    return async (address: string, init: { method?: string; form?: Record<string, string> } = {}) => {
      let url = address;
      let request: RequestInit = {
        method: init.method ?? 'GET',
        ...(init.form ? { body: new URLSearchParams(init.form) } : {}),
      };
      for (let hops = 0; hops < 10; hops++) {
        const response = await fetch(url, {
          ...request,
          redirect: 'manual',
          headers: {
            cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
            ...(request.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
          },
        });
        for (const cookie of response.headers.getSetCookie()) {
          const [pair = ''] = cookie.split(';');
          const at = pair.indexOf('=');
          jar.set(pair.slice(0, at), pair.slice(at + 1));
        }
        const location = response.headers.get('location');
        if (response.status >= 300 && response.status < 400 && location) {
          url = new URL(location, url).href;
          request = { method: 'GET' };
          await response.arrayBuffer();
          continue;
        }
        return { url, status: response.status, html: await response.text() };
      }
      throw new Error('too many redirects at the IdP');
    };
  };

  const signInFrom = async (address: string, user: SamlIdpUser): Promise<PostedResponse> => {
    const go = browse();
    const form = await go(address);
    const authState = hiddenInput(form.html, 'AuthState');
    if (!authState) throw new Error(`no login form at the IdP (${form.status}):\n${form.html}\n${output.join('')}`);
    const posted = await go(new URL('?', form.url).href, {
      method: 'POST',
      form: { username: user.username, password: user.password, AuthState: authState },
    });
    const samlResponse = hiddenInput(posted.html, 'SAMLResponse');
    const action = /<form[^>]*action="([^"]+)"/.exec(posted.html)?.[1];
    if (!samlResponse || !action)
      throw new Error(`the IdP posted no response (${posted.status}):\n${posted.html}\n${output.join('')}`);
    return {
      action: decodeHtml(action),
      SAMLResponse: samlResponse,
      RelayState: hiddenInput(posted.html, 'RelayState'),
    };
  };

  return {
    entityId: metadataUrl,
    metadataUrl,
    ssoUrl: `${base}/saml2/idp/SSOService.php`,
    certificate,
    metadataXml: async () => (await fetch(metadataUrl)).text(),
    registerServiceProvider(sp) {
      serviceProviders.set(sp.entityId, sp);
      writeServiceProviders();
    },
    async now() {
      const response = await fetch(metadataUrl, { method: 'HEAD' });
      return new Date(response.headers.get('date')!);
    },
    signIn: signInFrom,
    signInUnsolicited: (spEntityId, user) =>
      signInFrom(`${base}/saml2/idp/SSOService.php?spentityid=${encodeURIComponent(spEntityId)}`, user),
    log: () => output.join(''),
    stop,
  };
}

function decodeHtml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The value of a hidden input of a page, by name. */
function hiddenInput(html: string, name: string): string | null {
  const input = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html)?.[0];
  const value = input ? /value="([^"]*)"/.exec(input)?.[1] : undefined;
  return value === undefined ? null : decodeHtml(value);
}

// Bad responses for the negative tests, each made from a real one the IdP signed.

/** A SAMLResponse's XML. */
export function responseXml(samlResponse: string): string {
  return Buffer.from(samlResponse, 'base64').toString('utf8');
}

function encoded(xml: string): string {
  return Buffer.from(xml, 'utf8').toString('base64');
}

/** The response with every XML signature removed (the response's and the assertion's). */
export function withoutSignatures(samlResponse: string): string {
  const xml = responseXml(samlResponse);
  const stripped = xml.replace(/<ds:Signature[\s>][\s\S]*?<\/ds:Signature>/g, '');
  if (stripped === xml) throw new Error('the response carries no signature to remove');
  return encoded(stripped);
}

/** The response with a value changed after the IdP signed it (an attribute value, the NameID …). */
export function tampered(samlResponse: string, from: string, to: string): string {
  const xml = responseXml(samlResponse);
  if (!xml.includes(`>${from}<`)) throw new Error(`the response has no value ${from}`);
  return encoded(xml.replaceAll(`>${from}<`, `>${to}<`));
}

/** The IdP's times for the assertion, to set the server's clock by them. */
export function assertionTimes(samlResponse: string) {
  const xml = responseXml(samlResponse);
  const attribute = (element: string, name: string) => {
    const value = new RegExp(`<saml:${element}\\b[^>]*\\b${name}="([^"]+)"`).exec(xml)?.[1];
    if (!value) throw new Error(`no ${element}/@${name} in the response`);
    return new Date(value);
  };
  return {
    issueInstant: attribute('Assertion', 'IssueInstant'),
    notOnOrAfter: attribute('Conditions', 'NotOnOrAfter'),
  };
}

/**
 * A sign-in address (HTTP-Redirect binding) whose AuthnRequest names another service provider
 * as its issuer, with everything else (its id, ACS and RelayState) as it was: the IdP then
 * signs an assertion for that other audience, answering our request.
 */
export function requestFromIssuer(signInUrl: string, issuer: string): string {
  const url = new URL(signInUrl);
  const request = inflateRawSync(Buffer.from(url.searchParams.get('SAMLRequest')!, 'base64')).toString('utf8');
  const changed = request.replace(/(<saml:Issuer[^>]*>)[^<]*(<\/saml:Issuer>)/, `$1${issuer}$2`);
  if (changed === request) throw new Error('no Issuer in the AuthnRequest');
  url.searchParams.set('SAMLRequest', deflateRawSync(Buffer.from(changed, 'utf8')).toString('base64'));
  return url.href;
}
