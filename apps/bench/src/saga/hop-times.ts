import type { ReceivedSpan } from '@tradeflow/testing';
import { percentile } from '../stats/percentiles';

/** OTLP span kinds the hops are made of. */
const PRODUCER = 4;
const CONSUMER = 5;

/** Where an event's time went, from the work that wrote it to the handler that applied it (medians, ms). */
export interface HopTimes {
  /** `<event type>: <writing service> → <applying service>` */
  hop: string;
  samples: number;
  /** The writer's span ended → the relay's send began: its commit, and the event waiting in the outbox. */
  toRelayMs: number;
  /** The relay's send, to the broker's acknowledgement. */
  sendMs: number;
  /** Acknowledged → the handler began: the topic, the consumer's fetch, its batch and key lane, the transaction's first statement. */
  toHandlerMs: number;
  handlerMs: number;
  /** When the handler began, from the start of the order's trace: the order the hops come in. */
  atMs: number;
}

const ms = (from: string, to: string) => Number(BigInt(to) - BigInt(from)) / 1e6;

/**
 * The hops of the sampled orders' traces: each consumer span (`process <topic>`), its producer span
 * (`send <topic>`, the relay) and the span that wrote the event (a request, a handler, a `continue`
 * span), on the one clock of the machine every process runs on. Shows which step an order waits in.
 */
export function hopTimes(spans: readonly ReceivedSpan[]): HopTimes[] {
  const byId = new Map(spans.map((span) => [span.spanId, span]));
  const traceStart = new Map<string, string>();
  for (const span of spans) {
    const earliest = traceStart.get(span.traceId);
    if (earliest === undefined || BigInt(span.startTimeUnixNano) < BigInt(earliest)) traceStart.set(span.traceId, span.startTimeUnixNano);
  }
  const samples = new Map<string, Omit<HopTimes, 'hop' | 'samples'>[]>();
  for (const consumer of spans) {
    if (consumer.kind !== CONSUMER || !consumer.endTimeUnixNano || !consumer.parentSpanId) continue;
    const send = byId.get(consumer.parentSpanId);
    if (send?.kind !== PRODUCER || !send.endTimeUnixNano || !send.parentSpanId) continue;
    const writer = byId.get(send.parentSpanId);
    if (!writer?.endTimeUnixNano) continue;
    const hop = `${String(send.attributes['tradeflow.event_type'])}: ${writer.service} → ${consumer.service}`;
    const sample = {
      toRelayMs: ms(writer.endTimeUnixNano, send.startTimeUnixNano),
      sendMs: ms(send.startTimeUnixNano, send.endTimeUnixNano),
      toHandlerMs: ms(send.endTimeUnixNano, consumer.startTimeUnixNano),
      handlerMs: ms(consumer.startTimeUnixNano, consumer.endTimeUnixNano),
      atMs: ms(traceStart.get(consumer.traceId) ?? consumer.startTimeUnixNano, consumer.startTimeUnixNano),
    };
    samples.set(hop, [...(samples.get(hop) ?? []), sample]);
  }
  const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);
  return [...samples]
    .map(([hop, list]) => ({
      hop,
      samples: list.length,
      toRelayMs: median(list.map((sample) => sample.toRelayMs)),
      sendMs: median(list.map((sample) => sample.sendMs)),
      toHandlerMs: median(list.map((sample) => sample.toHandlerMs)),
      handlerMs: median(list.map((sample) => sample.handlerMs)),
      atMs: median(list.map((sample) => sample.atMs)),
    }))
    .sort((left, right) => left.atMs - right.atMs);
}
