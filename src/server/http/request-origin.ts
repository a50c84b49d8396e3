import type { Context } from 'hono';

/**
 * What the server may believe about where a request came from. Behind a reverse proxy that
 * terminates HTTPS, the request Node sees is plain HTTP from the proxy; `trustProxy` lets the
 * proxy's `X-Forwarded-Proto`, `X-Forwarded-Host` and `X-Forwarded-For` speak for the browser.
 * Never turn it on without such a proxy: any client could then claim any address.
 */
export interface ProxyTrust {
  trustProxy: boolean;
}

/** The first value of a comma-separated forwarding header, as the nearest proxy set it. */
function forwardedValue(c: Context, name: string): string | undefined {
  const value = c.req.header(name)?.split(',')[0]?.trim();
  return value === '' ? undefined : value;
}

/** The origin (`https://host:port`) the browser addressed, e.g. for checking `Origin` and building links. */
export function requestOrigin(c: Context, { trustProxy }: ProxyTrust): string {
  const url = new URL(c.req.url);
  if (!trustProxy) return url.origin;
  const protocol = forwardedValue(c, 'x-forwarded-proto') ?? url.protocol.replace(/:$/, '');
  const host = forwardedValue(c, 'x-forwarded-host') ?? url.host;
  return `${protocol}://${host}`;
}

/** Whether the browser reached the server over HTTPS, which decides the cookie's `Secure` flag. */
export function isHttpsRequest(c: Context, trust: ProxyTrust): boolean {
  return requestOrigin(c, trust).startsWith('https://');
}

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

/**
 * The client's address, for throttling failed logins per address. Behind a trusted proxy the
 * address it appended last to `X-Forwarded-For` (the one it saw); otherwise the socket's peer.
 */
export function clientAddress(c: Context, { trustProxy }: ProxyTrust): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  const bindings = c.env as NodeBindings | undefined;
  return bindings?.incoming?.socket?.remoteAddress ?? 'unknown';
}
