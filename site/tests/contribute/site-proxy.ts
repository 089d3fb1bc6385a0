// A pass-through HTTP proxy in front of the built site, so a test can publish "a new version"
// of the service worker (POST /__test__/sw-version/<n> appends a comment to /sw.js): the
// browser then finds a byte-different worker, installs it and it waits — as after a deploy.
import { createServer, request, type Server } from 'node:http';

export interface SiteProxy {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export function startSiteProxy(upstreamPort: number): Promise<SiteProxy> {
  let version = 1;
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    const m = /^\/__test__\/sw-version\/(\d{1,6})$/.exec(path);
    if (m && req.method === 'POST') {
      version = Number(m[1]);
      res.writeHead(204).end();
      return;
    }
    const sw = path.split('?')[0] === '/sw.js' && version > 1;
    const headers = { ...req.headers };
    if (sw) delete headers['accept-encoding']; // the body is edited below: ask for it uncompressed
    const up = request(
      { host: '127.0.0.1', port: upstreamPort, method: req.method, path, headers },
      (upRes) => {
        if (!sw || upRes.statusCode !== 200) {
          res.writeHead(upRes.statusCode ?? 502, upRes.headers);
          upRes.pipe(res);
          return;
        }
        const parts: Buffer[] = [];
        upRes.on('data', (c: Buffer) => parts.push(c));
        upRes.on('end', () => {
          const body = Buffer.concat([...parts, Buffer.from(`\n// test deployment ${version}\n`)]);
          const out = { ...upRes.headers, 'content-length': String(body.length) };
          delete out.etag;
          delete out['last-modified'];
          res.writeHead(200, out).end(body);
        });
      },
    );
    up.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(up);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      resolve({
        server,
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    }),
  );
}
