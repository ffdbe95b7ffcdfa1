import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { metricsExporter } from './metrics-exporter';

export interface MetricsServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `/metrics` (Prometheus text) on a port of its own, apart from the API: the API's
 * NetworkPolicy admits only its callers, this port only the monitoring namespace, and no route
 * of the API has to stay open for scrapers.
 */
export async function startMetricsServer(port: number, host: string): Promise<MetricsServer> {
  const server = createServer((request, response) => {
    if (request.method === 'GET' && request.url?.split('?')[0] === '/metrics') {
      metricsExporter().getMetricsRequestHandler(request, response);
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('only /metrics is served here\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}/metrics`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
