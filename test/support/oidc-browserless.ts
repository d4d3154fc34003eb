import type { TestOidcProvider } from './oidc-provider.ts';

/**
 * Walks through the test provider's own pages without a browser, as a person would: follows its
 * redirects with its cookies, fills in its sign-in form with `login` and accepts its consent
 * page, until the provider sends the browser back to `backTo` (our redirect URI). Returns that
 * address, with the code and state on it.
 */
export async function signInAtProvider(provider: TestOidcProvider, start: string, login: string, backTo: string) {
  const cookies = new Map<string, string>();
  const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const remember = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const separator = pair!.indexOf('=');
      cookies.set(pair!.slice(0, separator), pair!.slice(separator + 1));
    }
  };
  let next: { url: string; init?: RequestInit } = { url: start };
  for (let step = 0; step < 20; step++) {
    if (next.url.startsWith(backTo)) return next.url;
    const response = await fetch(next.url, {
      ...next.init,
      redirect: 'manual',
      headers: { ...(next.init?.headers as Record<string, string>), cookie: cookieHeader() },
    });
    remember(response);
    const location = response.headers.get('location');
    if (location) {
      next = { url: new URL(location, next.url).toString() };
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`the provider answered ${response.status} without a form:\n${html.slice(0, 500)}`);
    const form = new URLSearchParams();
    for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
      form.set(name!, value!);
    if (form.get('prompt') === 'login') {
      form.set('login', login);
      form.set('password', 'any password: the development form takes every one');
    }
    next = {
      url: new URL(action.replace(/&amp;/g, '&'), provider.issuer).toString(),
      init: {
        method: 'POST',
        body: form.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      },
    };
  }
  throw new Error('the provider did not send the browser back');
}
