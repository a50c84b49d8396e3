import http from 'node:http';

/**
 * The benchmark's reverse proxy in front of several app instances: each request goes to the next
 * upstream in turn (no sticky sessions, so one student's saves alternate between instances), over
 * keep-alive connections. A stand-in for nginx or Caddy, a few dozen lines so the bench needs
 * nothing installed. Run as its own process (`node --import tsx round-robin-proxy.ts <upstream>...`)
 * so it has an event loop of its own; it prints the address it listens on.
 */

/** Hop-by-hop headers: they describe one connection and are not forwarded. */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade'];

function withoutHopByHop<T extends http.IncomingHttpHeaders>(headers: T): T {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !HOP_BY_HOP.includes(name)),
  ) as T;
}

export function createRoundRobinProxy(upstreams: readonly string[]): http.Server {
  const targets = upstreams.map((upstream) => ({
    url: new URL(upstream),
    agent: new http.Agent({ keepAlive: true }),
  }));
  let next = 0;
  return http.createServer((request, response) => {
    const target = targets[next++ % targets.length];
    if (!target) throw new Error('No upstream');
    const headers = withoutHopByHop(request.headers);
    const forwarded = http.request(
      {
        host: target.url.hostname,
        port: target.url.port,
        method: request.method,
        path: request.url,
        headers,
        agent: target.agent,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, withoutHopByHop(answer.headers));
        answer.pipe(response);
      },
    );
    forwarded.on('error', (error) => {
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(`Upstream failed: ${error.message}`);
    });
    request.pipe(forwarded);
  });
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const upstreams = process.argv.slice(2);
  if (upstreams.length === 0) {
    console.error('Usage: round-robin-proxy.ts <upstream URL>...');
    process.exit(1);
  }
  const proxy = createRoundRobinProxy(upstreams);
  proxy.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => {
    const address = proxy.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    console.log(`Proxy listening on http://127.0.0.1:${port}`);
  });
  process.on('SIGTERM', () => {
    proxy.closeAllConnections();
    proxy.close(() => process.exit(0));
  });
}
