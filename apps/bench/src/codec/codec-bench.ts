import type { DomainEvent } from '@tradeflow/events';
import { EVENT_SCHEMAS, EventCodec, topicOfEvent } from '@tradeflow/events';
import { Type } from 'avsc';
import type { CodecProfile } from '../bench-profile';
import { sampleEvents } from './sample-events';

export interface CodecRow {
  eventType: string;
  jsonBytes: number;
  avroBytes: number;
  /** Avro plus the 5-byte Confluent header (magic byte, schema id). */
  framedBytes: number;
  /** Operations per second. */
  jsonEncode: number;
  jsonDecode: number;
  avroEncode: number;
  avroDecode: number;
  codecEncode: number;
  codecDecode: number;
}

export interface CodecSummary {
  rows: CodecRow[];
  /** Geometric means over the event types, and the worst type, of the ratios the goals name. */
  avroDecodeVsJson: { mean: number; worst: number };
  codecDecodeVsJson: { mean: number; worst: number };
  avroBytesVsJson: { mean: number; worst: number };
}

type AvscSchema = Parameters<typeof Type.forSchema>[0];

/**
 * Each event type's sample, four ways: JSON.stringify/parse; avsc's Type alone (no registry, no
 * validation); and EventCodec as services use it — registry lookup cached after a warm-up, event
 * validated on encode and decode, Confluent framing, schema resolution against the writer's schema.
 */
export async function benchCodec(profile: CodecProfile, registryUrl: string, topicPrefix: string): Promise<CodecSummary> {
  const codec = new EventCodec({ registryUrl });
  const events = sampleEvents();
  // One short pass over every type first, so the shared code paths are compiled before the first type is measured.
  for (const event of events) await measureType(event, codec, topicPrefix, profile.measureMs / 10);
  const rows: CodecRow[] = [];
  for (const event of events) rows.push(await measureType(event, codec, topicPrefix, profile.measureMs));
  return {
    rows,
    avroDecodeVsJson: ratios(rows.map((row) => row.avroDecode / row.jsonDecode), 'min'),
    codecDecodeVsJson: ratios(rows.map((row) => row.codecDecode / row.jsonDecode), 'min'),
    avroBytesVsJson: ratios(rows.map((row) => row.avroBytes / row.jsonBytes), 'max'),
  };
}

async function measureType(event: DomainEvent, codec: EventCodec, topicPrefix: string, ms: number): Promise<CodecRow> {
  const type = Type.forSchema(EVENT_SCHEMAS[event.eventType] as AvscSchema);
  const topic = topicPrefix + topicOfEvent(event.eventType).name;
  const json = JSON.stringify(event);
  const avro = type.toBuffer(event);
  // Registers the schema and fetches it back by id once; from here on both directions hit the codec's caches.
  const framed = await codec.encode(event, topic);
  await codec.decode(framed);
  return {
    eventType: event.eventType,
    jsonBytes: Buffer.byteLength(json),
    avroBytes: avro.length,
    framedBytes: framed.length,
    jsonEncode: opsPerSecond(() => JSON.stringify(event).length, ms),
    jsonDecode: opsPerSecond(() => (JSON.parse(json) as unknown) !== null, ms),
    avroEncode: opsPerSecond(() => type.toBuffer(event).length, ms),
    avroDecode: opsPerSecond(() => type.fromBuffer(avro) !== null, ms),
    codecEncode: await asyncOpsPerSecond(async () => (await codec.encode(event, topic)).length, ms),
    codecDecode: await asyncOpsPerSecond(async () => (await codec.decode(framed)) !== null, ms),
  };
}

const CHUNK = 64;
const SAMPLES = 5;

/**
 * Runs `operation` for half of `ms` to let the JIT settle, then in five slices of `ms / 5` and
 * keeps the median slice, so a slice the scheduler gave to another process does not count.
 */
function opsPerSecond(operation: () => unknown, ms: number): number {
  let sink = 0;
  const slice = (duration: number) => {
    const start = performance.now();
    let operations = 0;
    while (performance.now() - start < duration) {
      for (let i = 0; i < CHUNK; i++) sink ^= operation() ? 1 : 0;
      operations += CHUNK;
    }
    return (operations * 1000) / (performance.now() - start);
  };
  slice(ms / 2);
  const rate = median(Array.from({ length: SAMPLES }, () => slice(ms / SAMPLES)));
  return sink === -1 ? 0 : rate;
}

async function asyncOpsPerSecond(operation: () => Promise<unknown>, ms: number): Promise<number> {
  const slice = async (duration: number) => {
    const start = performance.now();
    let operations = 0;
    while (performance.now() - start < duration) {
      for (let i = 0; i < CHUNK; i++) await operation();
      operations += CHUNK;
    }
    return (operations * 1000) / (performance.now() - start);
  };
  await slice(ms / 2);
  const rates: number[] = [];
  for (let i = 0; i < SAMPLES; i++) rates.push(await slice(ms / SAMPLES));
  return median(rates);
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

function ratios(values: number[], worst: 'min' | 'max'): { mean: number; worst: number } {
  const mean = Math.exp(values.reduce((sum, value) => sum + Math.log(value), 0) / values.length);
  return { mean, worst: worst === 'min' ? Math.min(...values) : Math.max(...values) };
}
