import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** What the provider says about one person it signs in (the login name is their subject). */
export interface ProviderAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

/** A real OpenID Connect provider (the `oidc-provider` package) on a loopback port. */
export interface OidcTestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** People it knows, by login name; add or change them between tests. */
  accounts: Map<string, ProviderAccount>;
  /** Registers our server's callback as the client's one redirect URI (once our server's origin is known). */
  allowRedirect(redirectUri: string): void;
  stop(): Promise<void>;
}

/**
 * Starts a provider whose development login page accepts any password for a known login name and whose grants need
 * no consent screen. Our server discovers it lazily, so it can be started before the client's redirect is known.
 */
export async function startOidcProvider(): Promise<OidcTestProvider> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  const server = createServer((req, res) => {
    if (handler) handler(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const accounts = new Map<string, ProviderAccount>();
  const clientId = 'common-ground';
  const clientSecret = 'a-test-client-secret-that-is-long-enough';
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    allowRedirect(redirectUri) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: [redirectUri],
            grant_types: ['authorization_code'],
            response_types: ['code'],
          },
        ],
        cookies: { keys: ['a-test-cookie-key'] },
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
        pkce: { required: () => true },
        findAccount: (_ctx, id) => {
          const account = accounts.get(id);
          if (!account) return undefined;
          return { accountId: id, claims: () => ({ sub: id, ...account }) };
        },
        // No consent screen: the grant for our client is made as soon as someone signs in.
        loadExistingGrant: async (ctx) => {
          const accountId = ctx.oidc.session?.accountId;
          if (!accountId || !ctx.oidc.client) return undefined;
          const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId });
          grant.addOIDCScope('openid email profile');
          await grant.save();
          return grant;
        },
        renderError: (ctx, out) => {
          ctx.type = 'html';
          ctx.body = `<!DOCTYPE html><html lang="en"><title>Error</title><main><h1>Error</h1><p>${String(out.error)}</p></main></html>`;
        },
      });
      handler = provider.callback();
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
