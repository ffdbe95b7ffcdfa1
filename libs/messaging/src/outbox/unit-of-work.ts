import { createEvent } from '@tradeflow/events';
import type { DomainEvent, EventPayload, EventType, ServiceName } from '@tradeflow/events';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { activeTraceHeaders } from '../telemetry/trace-context';

export interface OutboxEntry {
  event: DomainEvent;
  /** Stored with the row and sent with the record: W3C trace context. */
  headers: Record<string, string>;
}

/** Who caused the work: a request (correlation only) or a consumed event (also the causation). */
export interface WorkOrigin {
  producer: ServiceName;
  correlationId: string;
  causationId?: string;
}

/** Rows a unit leaves for commit time (see UnitOfWork.insertLater). */
export interface DeferredInsert {
  target: EntityTarget<ObjectLiteral>;
  rows: QueryDeepPartialEntity<ObjectLiteral>[];
}

export interface Aggregate {
  id: string;
  version: number;
}

/**
 * One database transaction of a service: state changes go through `manager`, events through
 * `publish`. The events land in the outbox in the same transaction (TransactionRunner and the
 * event transport write them before commit), so state and events commit or fail together.
 */
export class UnitOfWork {
  private readonly published: DomainEvent[] = [];
  private readonly traceHeaders = new Map<string, Record<string, string>>();
  private readonly deferred: DeferredInsert[] = [];

  constructor(
    readonly manager: EntityManager,
    readonly origin: WorkOrigin,
  ) {}

  /**
   * `correlationId` overrides the origin's, for work that acts on behalf of an earlier request —
   * a receipt filling an order's backorder continues that order's correlation.
   */
  publish<T extends EventType>(
    type: T,
    payload: EventPayload<T>,
    aggregate: Aggregate,
    correlationId = this.origin.correlationId,
  ): DomainEvent {
    const event = createEvent(type, payload, {
      producer: this.origin.producer,
      correlationId,
      causationId: this.origin.causationId ?? null,
      aggregateId: aggregate.id,
      aggregateVersion: aggregate.version,
    });
    this.published.push(event);
    // The span publishing it (a request's, a handler's) is where the event's trace continues from.
    this.traceHeaders.set(event.eventId, activeTraceHeaders());
    return event;
  }

  /**
   * Inserts rows just before commit, in one statement per entity with the rows every other handler
   * of the batch left: one round trip for the batch instead of one per event. Only for rows nothing
   * reads back in the transaction (effects, ledgers, logs): no query sees them before commit.
   */
  insertLater<Entity extends ObjectLiteral>(target: EntityTarget<Entity>, ...rows: QueryDeepPartialEntity<Entity>[]): void {
    this.deferred.push({ target, rows } as DeferredInsert);
  }

  get deferredInserts(): readonly DeferredInsert[] {
    return this.deferred;
  }

  get events(): readonly DomainEvent[] {
    return this.published;
  }

  /** The events with the trace context each was published in, for the outbox. */
  get outboxEntries(): OutboxEntry[] {
    return this.published.map((event) => ({ event, headers: this.traceHeaders.get(event.eventId) ?? {} }));
  }
}
