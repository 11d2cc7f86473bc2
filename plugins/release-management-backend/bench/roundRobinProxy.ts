/*
 * A tiny round-robin HTTP proxy for the load benchmark: each request goes
 * to the next upstream in turn, over kept-alive connections, as a load
 * balancer in front of backend replicas would send it.
 */
import http from 'node:http';

export function startRoundRobinProxy(
  port: number,
  upstreams: string[],
): Promise<() => Promise<void>> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const targets = upstreams.map(u => new URL(u));
  let next = 0;
  const server = http.createServer((req, res) => {
    const target = targets[next++ % targets.length];
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
        agent,
      },
      upstreamRes => {
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
        upstreamRes.pipe(res);
      },
    );
    upstream.on('error', error => {
      if (!res.headersSent) res.writeHead(502);
      res.end(String(error));
    });
    req.pipe(upstream);
  });
  return new Promise(resolve =>
    server.listen(port, '127.0.0.1', () =>
      resolve(
        () =>
          new Promise<void>(done => {
            agent.destroy();
            server.close(() => done());
            server.closeAllConnections();
          }),
      ),
    ),
  );
}
