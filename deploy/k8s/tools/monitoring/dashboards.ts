import { labels } from '../platform';
import type { Manifest } from '../service-names';
import type { DeployedService } from '../services';
import { DEPLOYED_SERVICES } from '../services';

/**
 * Grafana dashboards as code: the flow across services, one per service, Kafka, Postgres. Each goes
 * in a ConfigMap labelled grafana_dashboard: "1", which Grafana's dashboard sidecar loads. Queries
 * use the data source picked in the dashboard's `datasource` variable.
 */

interface Query {
  expr: string;
  legend: string;
}
interface Panel {
  title: string;
  unit: string;
  queries: Query[];
  description?: string;
}

const rate = (selector: string) => `rate(${selector}[$__rate_interval])`;
const p99 = (histogram: string, matchers: string, by: string) => `histogram_quantile(0.99, sum by (${by}, le) (${rate(`${histogram}_bucket{${matchers}}`)}))`;
const q = (expr: string, legend: string): Query => ({ expr, legend });

export interface Dashboard {
  uid: string;
  title: string;
  panels: Record<string, unknown>[];
  [field: string]: unknown;
}

function dashboard(uid: string, title: string, description: string, panels: Panel[]): Dashboard {
  return {
    uid,
    title,
    description,
    tags: ['tradeflow'],
    timezone: 'utc',
    schemaVersion: 39,
    editable: false,
    refresh: '30s',
    time: { from: 'now-6h', to: 'now' },
    templating: { list: [{ name: 'datasource', label: 'Prometheus', type: 'datasource', query: 'prometheus', current: {}, hide: 0 }] },
    // Two panels a row, in the order given.
    panels: panels.map((panel, index) => ({
      id: index + 1,
      type: 'timeseries',
      title: panel.title,
      ...(panel.description ? { description: panel.description } : {}),
      gridPos: { h: 8, w: 12, x: (index % 2) * 12, y: Math.floor(index / 2) * 8 },
      datasource: { type: 'prometheus', uid: '${datasource}' },
      fieldConfig: { defaults: { unit: panel.unit }, overrides: [] },
      options: { legend: { displayMode: 'list', placement: 'bottom' }, tooltip: { mode: 'multi' } },
      targets: panel.queries.map((query, ref) => ({
        refId: String.fromCharCode(65 + ref),
        datasource: { type: 'prometheus', uid: '${datasource}' },
        expr: query.expr,
        legendFormat: query.legend,
      })),
    })),
  };
}

function flowOverview(): Dashboard {
  return dashboard('tradeflow-flow', 'Tradeflow: order-to-cash flow', 'Events between the five services, where they wait, and orders that stopped moving.', [
    { title: 'Events published, by type', unit: 'ops', queries: [q(`sum by (event_type) (${rate('tradeflow_events_produced_total')})`, '{{event_type}}')] },
    { title: 'Events consumed, by service and outcome', unit: 'ops', queries: [q(`sum by (job, outcome) (${rate('tradeflow_events_consumed_total')})`, '{{job}} {{outcome}}')] },
    {
      title: 'Consumer lag (brokers), by group and topic',
      unit: 'short',
      description: 'Records not yet committed by each group, from the Kafka Exporter: also grows while a consumer is down.',
      queries: [q('sum by (consumergroup, topic) (kafka_consumergroup_lag)', '{{consumergroup}} ← {{topic}}')],
    },
    { title: 'Oldest unpublished outbox event', unit: 's', queries: [q('max by (job) (tradeflow_outbox_oldest_age_seconds)', '{{job}}')] },
    { title: 'Paused partitions', unit: 'short', queries: [q('sum by (job) (tradeflow_consumer_partitions_paused)', '{{job}}')] },
    {
      title: 'Brokers reached, by service',
      unit: 'short',
      description: '1 while every replica of the service reaches Kafka; readiness leaves Kafka out, so an outage shows here.',
      queries: [q('min by (job) (tradeflow_kafka_reachable)', '{{job}}')],
    },
    { title: 'Dead letters (per hour)', unit: 'short', queries: [q('sum by (job, reason) (increase(tradeflow_dead_letters_total[1h]))', '{{job}} {{reason}}')] },
    { title: 'Stuck orders, by reason', unit: 'short', queries: [q('max by (reason) (tradeflow_orders_stuck)', '{{reason}}')] },
    {
      title: 'HTTP 5xx ratio, by service',
      unit: 'percentunit',
      queries: [
        q(
          `sum by (job) (${rate('http_server_request_duration_seconds_count{http_response_status_code=~"5.."}')}) / sum by (job) (${rate('http_server_request_duration_seconds_count')})`,
          '{{job}}',
        ),
      ],
    },
  ]);
}

/** What only one service does, on top of what every service shows. */
const SERVICE_PANELS: Partial<Record<DeployedService['name'], Panel[]>> = {
  order: [{ title: 'Stuck orders, by status and reason', unit: 'short', queries: [q('max by (status, reason) (tradeflow_orders_stuck)', '{{status}} {{reason}}')] }],
  inventory: [
    { title: 'Channel webhook deliveries, by outcome', unit: 'ops', queries: [q(`sum by (outcome) (${rate('tradeflow_channel_webhook_deliveries_total')})`, '{{outcome}}')] },
  ],
  shipping: [{ title: 'Label attempts, by outcome', unit: 'ops', queries: [q(`sum by (outcome) (${rate('tradeflow_label_attempts_total')})`, '{{outcome}}')] }],
  'crm-sync': [
    { title: 'CRM activity deliveries, by outcome', unit: 'ops', queries: [q(`sum by (outcome) (${rate('tradeflow_crm_activity_deliveries_total')})`, '{{outcome}}')] },
  ],
};

function serviceDashboard(service: DeployedService): Dashboard {
  const job = `job="${service.name}"`;
  return dashboard(`tradeflow-service-${service.name}`, `Tradeflow: ${service.name}`, `The ${service.name} service: HTTP, events in and out, runtime.`, [
    { title: 'HTTP requests, by route and status', unit: 'reqps', queries: [q(`sum by (http_route, http_response_status_code) (${rate(`http_server_request_duration_seconds_count{${job}}`)})`, '{{http_route}} {{http_response_status_code}}')] },
    { title: 'HTTP p99, by route', unit: 's', queries: [q(p99('http_server_request_duration_seconds', job, 'http_route'), '{{http_route}}')] },
    { title: 'Events consumed, by type and outcome', unit: 'ops', queries: [q(`sum by (event_type, outcome) (${rate(`tradeflow_events_consumed_total{${job}}`)})`, '{{event_type}} {{outcome}}')] },
    { title: 'Event handler p99, by type', unit: 's', queries: [q(p99('tradeflow_event_handler_duration_seconds', job, 'event_type'), '{{event_type}}')] },
    {
      title: 'Lag: brokers and consumer',
      unit: 'short',
      queries: [
        q(`sum by (topic) (kafka_consumergroup_lag{consumergroup="${service.name}"})`, 'brokers: {{topic}}'),
        q(`sum by (topic) (tradeflow_consumer_lag{${job}})`, 'consumer: {{topic}}'),
      ],
    },
    { title: 'Paused partitions and retries', unit: 'short', queries: [q(`sum (tradeflow_consumer_partitions_paused{${job}})`, 'paused'), q(`sum (${rate(`tradeflow_consumer_retries_total{${job}}`)})`, 'retries/s')] },
    {
      title: 'Outbox: backlog and oldest event',
      unit: 'short',
      queries: [q(`max (tradeflow_outbox_backlog{${job}})`, 'backlog (rows)'), q(`max (tradeflow_outbox_oldest_age_seconds{${job}})`, 'oldest (s)')],
    },
    { title: 'Events published and dead letters', unit: 'ops', queries: [q(`sum by (event_type) (${rate(`tradeflow_events_produced_total{${job}}`)})`, 'published {{event_type}}'), q(`sum by (reason) (${rate(`tradeflow_dead_letters_total{${job}}`)})`, 'dead letter {{reason}}')] },
    { title: 'Event loop delay p99, by pod', unit: 's', queries: [q(`max by (pod) (nodejs_eventloop_delay_p99_seconds{${job}})`, '{{pod}}')] },
    { title: 'Heap used, by pod', unit: 'bytes', queries: [q(`sum by (pod) (v8js_memory_heap_used_bytes{${job}})`, '{{pod}}')] },
    ...(SERVICE_PANELS[service.name] ?? []),
  ]);
}

function kafkaDashboard(): Dashboard {
  return dashboard('tradeflow-kafka', 'Tradeflow: Kafka', 'The brokers (JMX exporter) and every consumer group (Kafka Exporter).', [
    { title: 'Brokers', unit: 'short', queries: [q('max (kafka_brokers)', 'brokers'), q('sum (kafka_controller_kafkacontroller_activecontrollercount)', 'active controllers')] },
    { title: 'Under-replicated and offline partitions', unit: 'short', queries: [q('sum (kafka_server_replicamanager_underreplicatedpartitions)', 'under-replicated'), q('max (kafka_controller_kafkacontroller_offlinepartitionscount)', 'offline')] },
    { title: 'Messages in, by topic', unit: 'ops', queries: [q(`sum by (topic) (${rate('kafka_server_brokertopicmetrics_messagesin_total{topic!=""}')})`, '{{topic}}')] },
    { title: 'Bytes in and out', unit: 'Bps', queries: [q(`sum (${rate('kafka_server_brokertopicmetrics_bytesin_total')})`, 'in'), q(`sum (${rate('kafka_server_brokertopicmetrics_bytesout_total')})`, 'out')] },
    { title: 'Consumer lag, by group', unit: 'short', queries: [q('sum by (consumergroup) (kafka_consumergroup_lag)', '{{consumergroup}}')] },
    { title: 'Consumed per second, by group', unit: 'ops', queries: [q(`sum by (consumergroup) (${rate('kafka_consumergroup_current_offset')})`, '{{consumergroup}}')] },
  ]);
}

function postgresDashboard(): Dashboard {
  return dashboard('tradeflow-postgres', 'Tradeflow: Postgres', 'The six CloudNativePG clusters: health, load, replication, backups.', [
    { title: 'Up, by cluster', unit: 'short', queries: [q('min by (cluster) (cnpg_collector_up)', '{{cluster}}')] },
    { title: 'Connections, by cluster', unit: 'short', queries: [q('sum by (cluster) (cnpg_backends_total)', '{{cluster}}')] },
    { title: 'Commits and rollbacks per second', unit: 'ops', queries: [q(`sum by (cluster) (${rate('cnpg_pg_stat_database_xact_commit')})`, '{{cluster}} commit'), q(`sum by (cluster) (${rate('cnpg_pg_stat_database_xact_rollback')})`, '{{cluster}} rollback')] },
    { title: 'Deadlocks (per hour)', unit: 'short', queries: [q('sum by (cluster) (increase(cnpg_pg_stat_database_deadlocks[1h]))', '{{cluster}}')] },
    { title: 'Database size', unit: 'bytes', queries: [q('max by (cluster, datname) (cnpg_pg_database_size_bytes)', '{{cluster}} {{datname}}')] },
    { title: 'Replication lag', unit: 's', queries: [q('max by (cluster, pod) (cnpg_pg_replication_lag)', '{{pod}}')] },
    { title: 'WAL segments waiting to be archived', unit: 'short', queries: [q('max by (cluster) (cnpg_collector_pg_wal_archive_status{value="ready"})', '{{cluster}}')] },
    {
      title: 'Age of the last base backup, and how far back recovery reaches',
      unit: 's',
      queries: [
        q('time() - max by (cluster) (barman_cloud_cloudnative_pg_io_last_available_backup_timestamp)', '{{cluster}} last backup'),
        q('time() - min by (cluster) (barman_cloud_cloudnative_pg_io_first_recoverability_point)', '{{cluster}} recovery window'),
      ],
    },
  ]);
}

export function dashboards(): Dashboard[] {
  return [flowOverview(), ...DEPLOYED_SERVICES.map(serviceDashboard), kafkaDashboard(), postgresDashboard()];
}

/** One ConfigMap per dashboard, for the Grafana sidecar (label grafana_dashboard, folder annotation). */
export function dashboardConfigMaps(): Manifest[] {
  return dashboards().map((board) => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: `grafana-dashboard-${board.uid.replace(/^tradeflow-/, '')}`,
      labels: { ...labels('grafana-dashboards', 'monitoring'), grafana_dashboard: '1' },
      annotations: { grafana_folder: 'Tradeflow' },
    },
    data: { [`${board.uid}.json`]: `${JSON.stringify(board, null, 2)}\n` },
  }));
}
