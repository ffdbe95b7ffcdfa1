import type { ViewOptions } from '@opentelemetry/sdk-metrics';

/** Prometheus wants the unit in a metric's name (`_seconds`, `_bytes`); its exporter does not add it. */
const SUFFIX = { s: 'seconds', By: 'bytes' } as const;

/**
 * Instruments of the OpenTelemetry instrumentations we load (HTTP, pg, Node runtime), by unit.
 * Our own instruments carry the suffix in their names already.
 */
const INSTRUMENT_UNITS: Record<string, keyof typeof SUFFIX> = {
  'http.server.request.duration': 's',
  'http.client.request.duration': 's',
  'db.client.operation.duration': 's',
  'nodejs.eventloop.delay.min': 's',
  'nodejs.eventloop.delay.max': 's',
  'nodejs.eventloop.delay.mean': 's',
  'nodejs.eventloop.delay.stddev': 's',
  'nodejs.eventloop.delay.p50': 's',
  'nodejs.eventloop.delay.p90': 's',
  'nodejs.eventloop.delay.p99': 's',
  'nodejs.eventloop.time': 's',
  'v8js.gc.duration': 's',
  'v8js.memory.heap.used': 'By',
  'v8js.memory.heap.space.size': 'By',
  'v8js.memory.heap.space.available_size': 'By',
  'v8js.memory.heap.space.physical_size': 'By',
};

/** Views renaming those instruments, e.g. `http.server.request.duration` → `http_server_request_duration_seconds`. */
export const PROMETHEUS_UNIT_VIEWS: ViewOptions[] = Object.entries(INSTRUMENT_UNITS).map(([instrumentName, unit]) => ({
  instrumentName,
  name: `${instrumentName}_${SUFFIX[unit]}`,
}));
