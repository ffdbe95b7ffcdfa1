import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every metric name the alert rules and dashboards may select, and where it comes from. A name in
 * none of these lists is a typo or a metric that went away: the specs fail on it.
 */

/** OpenTelemetry instruments as the Prometheus exporter names them: dots to `_`, counters get `_total`. */
const INSTRUMENT = /\.create(Counter|UpDownCounter|Histogram|Gauge|ObservableGauge|ObservableCounter|ObservableUpDownCounter)\(\s*['"]([^'"]+)['"]/g;
/** Gauges declared as data (libs/messaging's observeGauges: `{ name: '…', description: … }`). */
const GAUGE_DEFINITION = /\{\s*name:\s*'([a-z0-9_]+\.[a-z0-9_.]+)',\s*description:/g;
/** libs/platform renames the instruments of the OpenTelemetry instrumentations by unit (views). */
const UNIT_VIEWS = 'libs/platform/src/telemetry/prometheus-units.ts';
const UNIT_SUFFIX: Record<string, string> = { s: 'seconds', By: 'bytes' };

/** The series the services export today, read from their instruments and libs/platform's unit views. */
export function exportedByServices(root: string): Map<string, string> {
  const series = new Map<string, string>();
  const add = (name: string, kind: string, source: string) => {
    for (const one of seriesOf(name.replace(/[^a-zA-Z0-9_:]/g, '_'), kind)) series.set(one, source);
  };
  for (const top of ['apps', 'libs']) {
    const files = readdirSync(join(root, top), { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(file) && !file.includes('node_modules'),
    );
    for (const file of files) {
      const text = readFileSync(join(root, top, file), 'utf8');
      for (const [, kind, name] of text.matchAll(INSTRUMENT)) add(name, kind, `${top}/${file}`);
      for (const [, name] of text.matchAll(GAUGE_DEFINITION)) add(name, 'ObservableGauge', `${top}/${file}`);
    }
  }
  // Semantic conventions: a `*.duration` instrument is a histogram; the others renamed there are gauges.
  for (const [, instrument, unit] of readFileSync(join(root, UNIT_VIEWS), 'utf8').matchAll(/'([a-z0-9_.]+)':\s*'(s|By)'/g)) {
    add(`${instrument}_${UNIT_SUFFIX[unit]}`, instrument.endsWith('.duration') ? 'Histogram' : 'ObservableGauge', UNIT_VIEWS);
  }
  return series;
}

function seriesOf(name: string, kind: string): string[] {
  if (kind === 'Histogram') return [`${name}_bucket`, `${name}_sum`, `${name}_count`];
  if ((kind === 'Counter' || kind === 'ObservableCounter') && !name.endsWith('_total')) return [`${name}_total`];
  return [name];
}

/** Exported by the platform's exporters (their documented names), not by Tradeflow's code. */
export const EXTERNAL_METRICS: Record<string, readonly string[]> = {
  prometheus: ['up'],
  'Kafka Exporter (kafkaExporter in kafka/kafka.yaml)': [
    'kafka_consumergroup_lag',
    'kafka_consumergroup_current_offset',
    'kafka_topic_partition_current_offset',
    'kafka_brokers',
  ],
  'brokers, JMX exporter rules (kafka/kafka-metrics.yaml)': [
    'kafka_server_replicamanager_underreplicatedpartitions',
    'kafka_server_replicamanager_partitioncount',
    'kafka_controller_kafkacontroller_offlinepartitionscount',
    'kafka_controller_kafkacontroller_activecontrollercount',
    'kafka_server_brokertopicmetrics_messagesin_total',
    'kafka_server_brokertopicmetrics_bytesin_total',
    'kafka_server_brokertopicmetrics_bytesout_total',
  ],
  "CloudNativePG's exporter (default queries)": [
    'cnpg_collector_up',
    'cnpg_collector_pg_wal_archive_status',
    'cnpg_pg_replication_lag',
    'cnpg_backends_total',
    'cnpg_pg_database_size_bytes',
    'cnpg_pg_stat_database_xact_commit',
    'cnpg_pg_stat_database_xact_rollback',
    'cnpg_pg_stat_database_deadlocks',
  ],
  'Barman Cloud plugin, through the instance manager': [
    'barman_cloud_cloudnative_pg_io_last_available_backup_timestamp',
    'barman_cloud_cloudnative_pg_io_last_failed_backup_timestamp',
    'barman_cloud_cloudnative_pg_io_first_recoverability_point',
  ],
  'OpenTelemetry Collector (its own telemetry)': ['otelcol_exporter_sent_spans_total', 'otelcol_exporter_send_failed_spans_total'],
};

/** Names a rule or dashboard selects that no list above knows. */
export function unknownMetrics(names: Iterable<string>, root: string): string[] {
  const known = new Set([...exportedByServices(root).keys(), ...Object.values(EXTERNAL_METRICS).flat()]);
  return [...new Set(names)].filter((name) => !known.has(name)).sort();
}
