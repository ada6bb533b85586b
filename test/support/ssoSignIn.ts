import { SESSION_COOKIE } from '@common-ground/shared';

/** Cookies per origin, as a browser keeps them (enough for a redirect dance: names and values only). */
class CookieJar {
  readonly #byOrigin = new Map<string, Map<string, string>>();
  store(url: string, response: Response): void {
    const jar = this.#byOrigin.get(new URL(url).origin) ?? new Map<string, string>();
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (value && !/expires=Thu, 01 Jan 1970/i.test(header)) jar.set(name, value);
      else jar.delete(name);
    }
    this.#byOrigin.set(new URL(url).origin, jar);
  }
  header(url: string): string {
    const jar = this.#byOrigin.get(new URL(url).origin) ?? new Map();
    return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  get(url: string, name: string): string | undefined {
    return this.#byOrigin.get(new URL(url).origin)?.get(name);
  }
}

/** Where a single sign-on ended: the last URL on our server, and the session cookie if one was set. */
export interface SsoResult {
  landedOn: string;
  cookie: string | null;
}

/**
 * Goes through the whole redirect flow over HTTP, as a browser would: our start route, the provider's login form
 * (login name and any password), its redirects, and our callback.
 */
export async function signInBySso(origin: string, login: string, next?: string): Promise<SsoResult> {
  const jar = new CookieJar();
  let url = `${origin}/api/auth/sso/start${next ? `?next=${encodeURIComponent(next)}` : ''}`;
  let method = 'GET';
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 20; hop += 1) {
    const response = await fetch(url, {
      method,
      body,
      headers: { cookie: jar.header(url) },
      redirect: 'manual',
    });
    jar.store(url, response);
    if (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get('location')!, url).href;
      method = 'GET';
      body = undefined;
      if (url.startsWith(origin) && !url.startsWith(`${origin}/api/`)) {
        const session = jar.get(origin, SESSION_COOKIE);
        return {
          landedOn: url.slice(origin.length),
          cookie: session ? `${SESSION_COOKIE}=${session}` : null,
        };
      }
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (response.status !== 200 || !action)
      throw new Error(`unexpected page at ${url}: ${response.status} ${html}`);
    url = new URL(action.replaceAll('&amp;', '&'), url).href;
    method = 'POST';
    body = new URLSearchParams({ prompt: 'login', login, password: 'any password' });
  }
  throw new Error('too many redirects');
}
