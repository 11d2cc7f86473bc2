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
    const send = (body: Buffer, attempt: number) => {
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
      upstream.on('error', (error: NodeJS.ErrnoException) => {
        // A kept-alive socket the upstream closed just as it was reused:
        // the request never reached the backend, so a load balancer sends
        // it again (what Node's docs advise for `reusedSocket`).
        if (
          attempt === 0 &&
          upstream.reusedSocket &&
          error.code === 'ECONNRESET' &&
          !res.headersSent
        ) {
          send(body, 1);
          return;
        }
        if (!res.headersSent) res.writeHead(502);
        res.end(String(error));
      });
      upstream.end(body);
    };

    // Bodies are small here; holding one lets a request be sent again.
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => send(Buffer.concat(chunks), 0));
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
