import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';
import { RuntimeNodeInstrumentation } from '@opentelemetry/instrumentation-runtime-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { newMetricsExporter } from './metrics-exporter';
import { PROMETHEUS_UNIT_VIEWS } from './prometheus-units';

/** Requests that would only add noise to every trace: probes and scrapes. */
const UNTRACED_PATHS = /^\/(health|metrics)/;

/**
 * Starts the OpenTelemetry Node SDK. Call it first in main.ts, before the service's modules load:
 * the instrumentations patch http, express, Nest, pg and pino as they are required.
 * Spans are exported over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT (or ..._TRACES_ENDPOINT) is
 * set — every other OTEL_* variable works as the SDK documents; without it spans are still made,
 * so logs carry trace ids. SQL statements get spans of their own only with OTEL_TRACE_SQL=true.
 * Metrics are served as Prometheus text on the metrics port's `/metrics` (METRICS_PORT).
 */
export function startTelemetry(serviceName: string, env: NodeJS.ProcessEnv = process.env): NodeSDK {
  const exportsTraces = Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
  const sdk = new NodeSDK({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: env.OTEL_SERVICE_NAME ?? serviceName,
      [ATTR_SERVICE_VERSION]: env.SERVICE_VERSION ?? packageVersion(),
      'deployment.environment': env.DEPLOYMENT_ENVIRONMENT ?? 'local',
    }),
    spanProcessors: exportsTraces ? [new BatchSpanProcessor({ exporter: new OTLPTraceExporter() })] : [],
    metricReaders: [newMetricsExporter()],
    views: PROMETHEUS_UNIT_VIEWS,
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.test(request.url ?? '') }),
      new ExpressInstrumentation(),
      new NestInstrumentation(),
      // A span per SQL statement cost a tenth of a service's CPU under load (issue 18's profiles): on request only.
      ...(env.OTEL_TRACE_SQL === 'true' ? [new PgInstrumentation({ requireParentSpan: true })] : []),
      new PinoInstrumentation(),
      // Event-loop delay, heap per space, GC pauses: what tells a slow service from a slow dependency.
      new RuntimeNodeInstrumentation(),
    ],
  });
  sdk.start();
  // Flush the last spans when the service stops (Nest closes on SIGTERM, then the loop drains).
  process.once('beforeExit', () => void sdk.shutdown());
  return sdk;
}

/** The version in the nearest package.json above this file (the workspace's, in the repo and in the image). */
function packageVersion(): string {
  for (let folder = __dirname; folder !== dirname(folder); folder = dirname(folder)) {
    const file = join(folder, 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? '0.0.0';
  }
  return '0.0.0';
}
