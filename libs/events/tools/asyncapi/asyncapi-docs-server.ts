import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ASYNCAPI_FILE } from './asyncapi-files';

/**
 * Browsable HTML of docs/asyncapi.yaml, rendered in the browser by AsyncAPI's own React component
 * (its standalone bundle, served from node_modules, so nothing is fetched from elsewhere). The
 * AsyncAPI generator's html-template is not used: it pulls puppeteer, whose install downloads a
 * browser, and generator 3 needs a newer Node than the project's.
 */
const REACT_COMPONENT = join(require.resolve('@asyncapi/react-component/package.json'), '..');

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Tradeflow events (AsyncAPI)</title>
  <link rel="stylesheet" href="/asyncapi.css">
</head>
<body>
  <div id="asyncapi">Loading the AsyncAPI document…</div>
  <script src="/asyncapi-standalone.js"></script>
  <script>
    fetch('/asyncapi.yaml')
      .then((response) => response.text())
      .then((schema) => AsyncApiStandalone.render({ schema, config: { show: { sidebar: true } } }, document.getElementById('asyncapi')));
  </script>
</body>
</html>
`;

const ROUTES: Record<string, { type: string; body: () => string | Buffer }> = {
  '/': { type: 'text/html; charset=utf-8', body: () => PAGE },
  // Read on every request, so a regenerated document shows without a restart.
  '/asyncapi.yaml': { type: 'application/yaml; charset=utf-8', body: () => readFileSync(ASYNCAPI_FILE) },
  '/asyncapi-standalone.js': { type: 'text/javascript; charset=utf-8', body: () => readFileSync(join(REACT_COMPONENT, 'browser/standalone/index.js')) },
  '/asyncapi.css': { type: 'text/css; charset=utf-8', body: () => readFileSync(join(REACT_COMPONENT, 'styles/default.min.css')) },
};

export interface AsyncApiDocsServer {
  url: string;
  close(): Promise<void>;
}

export function startAsyncApiDocsServer(port: number, host = '127.0.0.1'): Promise<AsyncApiDocsServer> {
  const server = createServer((request, response) => {
    const route = ROUTES[new URL(request.url ?? '/', 'http://docs').pathname];
    if (!route || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': route.type }).end(request.method === 'HEAD' ? undefined : route.body());
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: bound } = server.address() as AddressInfo;
      resolve({ url: `http://${host}:${bound}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}
