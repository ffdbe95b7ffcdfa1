import { metrics } from '@opentelemetry/api';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { PROMETHEUS_UNIT_VIEWS } from './prometheus-units';

let exporter: PrometheusExporter | undefined;

/**
 * The Prometheus reader behind `/metrics`. startTelemetry registers it with the SDK; a service
 * started without telemetry (an in-process test) gets a meter provider of its own on first use, so
 * its metrics are still served.
 */
export function metricsExporter(): PrometheusExporter {
  if (!exporter) {
    exporter = newMetricsExporter();
    metrics.setGlobalMeterProvider(new MeterProvider({ readers: [exporter], views: PROMETHEUS_UNIT_VIEWS }));
  }
  return exporter;
}

export function newMetricsExporter(): PrometheusExporter {
  // Served by startMetricsServer on the metrics port, not by a server of the exporter.
  exporter = new PrometheusExporter({ preventServerStart: true });
  return exporter;
}
