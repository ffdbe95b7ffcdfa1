import { appendFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReceivedSpan } from './otlp-span';
import { spansOfExport } from './otlp-span';

/**
 * A small OTLP/HTTP trace receiver (JSON encoding, POST /v1/traces): keeps the spans in memory for
 * tests and, given a file, appends them as JSON lines for `npm run trace`. Point a service at it
 * with OTEL_EXPORTER_OTLP_ENDPOINT=<url>.
 */
export class TraceReceiver {
  readonly spans: ReceivedSpan[] = [];
  private server?: Server;

  constructor(private readonly options: { port?: number; file?: string } = {}) {}

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (request.method !== 'POST' || request.url !== '/v1/traces') {
          response.writeHead(404).end();
          return;
        }
        try {
          this.receive(spansOfExport(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
          response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        } catch (error) {
          response.writeHead(400, { 'content-type': 'text/plain' }).end(`not an OTLP JSON export: ${(error as Error).message}`);
        }
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(this.options.port ?? 0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private receive(spans: ReceivedSpan[]): void {
    this.spans.push(...spans);
    if (this.options.file && spans.length > 0) {
      appendFileSync(this.options.file, spans.map((span) => JSON.stringify(span)).join('\n') + '\n');
    }
  }
}
