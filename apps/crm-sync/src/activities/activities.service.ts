import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { UnitOfWork } from '@tradeflow/messaging';
import { TransactionRunner } from '@tradeflow/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { CrmSyncSettings } from '../crm-sync-settings';
import { idsOfSurvivor, resolveCustomerId } from '../customers/customer-resolution.queries';
import { SERVICE_NAME } from '../service-name';
import type { AccountTotals } from './account-summary';
import { summariseAccount } from './account-summary';
import type { ActivityEvent } from './activity-description';
import { describeActivity } from './activity-description';
import { CrmActivity } from './crm-activity.entity';
import type { ActivityView, ListActivitiesQuery } from './dto/activity-view.dto';

/** Activity with its customer as it stands now: a merge after recording moves it to the survivor. */
const SELECT_ACTIVITY = `
  SELECT a.id, a.event_id, a.event_type, a.occurred_at, a.order_id,
         coalesce(c.merged_into, a.customer_id) AS customer_id, a.source_customer_id, a.summary, a.details,
         a.amount_minor, a.currency, a.status, a.attempts, a.next_attempt_at, a.last_error, a.delivered_at
    FROM crm_activities a
    LEFT JOIN customers c ON c.customer_id = a.customer_id`;

@Injectable()
export class ActivitiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly settings: CrmSyncSettings,
  ) {}

  /**
   * One activity per event, in the consumer's transaction, for the customer the event (or its
   * order) names, resolved through merges. PENDING for the delivery worker when a CRM URL is
   * configured, otherwise KEPT.
   */
  async record(event: ActivityEvent, unit: UnitOfWork): Promise<void> {
    const { manager } = unit;
    const activity = describeActivity(event);
    let sourceCustomerId = activity.customerId;
    if (sourceCustomerId) await this.rememberOrderCustomer(manager, activity.orderId, sourceCustomerId);
    else sourceCustomerId = await this.customerOfOrder(manager, activity.orderId);

    const customerId = sourceCustomerId ? await resolveCustomerId(manager, sourceCustomerId) : null;
    await manager.query(
      `INSERT INTO crm_activities (id, event_id, event_type, occurred_at, order_id, customer_id, source_customer_id,
                                   summary, details, amount_minor, currency, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (event_id) DO NOTHING`,
      [
        randomUUID(),
        event.eventId,
        event.eventType,
        new Date(event.occurredAt),
        activity.orderId,
        customerId,
        sourceCustomerId,
        activity.summary,
        JSON.stringify(activity.details),
        activity.money?.amountMinor ?? null,
        activity.money?.currency ?? null,
        this.settings.CRM_ACTIVITY_URL ? 'PENDING' : 'KEPT',
      ],
    );
  }

  /** Lifetime revenue and open balance per currency over the given customer ids (a survivor and its merged ids). */
  async accountTotals(manager: EntityManager, customerIds: string[]): Promise<AccountTotals[]> {
    const rows: { event_type: string; currency: string; amount_minor: string }[] = await manager.query(
      `SELECT event_type, currency, sum(amount_minor) AS amount_minor
         FROM crm_activities
        WHERE customer_id = ANY($1) AND amount_minor IS NOT NULL
        GROUP BY event_type, currency`,
      [customerIds],
    );
    return summariseAccount(
      rows.map((row) => ({ eventType: row.event_type, currency: row.currency, amountMinor: Number(row.amount_minor) })),
    );
  }

  /** Newest first; a customer's list includes the activity of ids merged into it. */
  async list(query: ListActivitiesQuery): Promise<ActivityView[]> {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    if (query.customerId) {
      const manager = this.dataSource.manager;
      parameters.push(await idsOfSurvivor(manager, await resolveCustomerId(manager, query.customerId)));
      conditions.push(`a.customer_id = ANY($${parameters.length})`);
    }
    if (query.status) {
      parameters.push(query.status);
      conditions.push(`a.status = $${parameters.length}`);
    }
    parameters.push(query.limit ?? 100);
    const rows: ActivityRow[] = await this.dataSource.query(
      `${SELECT_ACTIVITY} ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY a.occurred_at DESC, a.created_at DESC LIMIT $${parameters.length}`,
      parameters,
    );
    return rows.map(toActivityView);
  }

  /**
   * A DEAD activity goes back to PENDING with fresh attempts; its last error stays visible until the
   * next try. Through TransactionRunner, so the retry's audit record commits with it.
   */
  async retry(activityId: string): Promise<ActivityView> {
    if (!this.settings.CRM_ACTIVITY_URL) {
      throw new ConflictException('No CRM_ACTIVITY_URL is configured: activity is kept, not delivered');
    }
    return this.transactions.run({ producer: SERVICE_NAME, correlationId: randomUUID() }, async ({ manager }) => {
      const activity = await manager.findOne(CrmActivity, { where: { id: activityId }, lock: { mode: 'pessimistic_write' } });
      if (!activity) throw new NotFoundException(`Activity ${activityId} not found`);
      if (activity.status !== 'DEAD') {
        throw new ConflictException(`Activity ${activityId} is ${activity.status}; only DEAD activity is retried`);
      }
      await manager.update(CrmActivity, activityId, { status: 'PENDING', attempts: 0, nextAttemptAt: new Date() });
      const [row]: ActivityRow[] = await manager.query(`${SELECT_ACTIVITY} WHERE a.id = $1`, [activityId]);
      return toActivityView(row);
    });
  }

  /** Remembers whose order it is; activity that arrived before (shipments name only the order) gets the customer now. */
  private async rememberOrderCustomer(manager: EntityManager, orderId: string, customerId: string): Promise<void> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO order_customers (order_id, customer_id) VALUES ($1, $2) ON CONFLICT (order_id) DO NOTHING RETURNING order_id`,
      [orderId, customerId],
    );
    if (inserted.length === 0) return;
    await manager.query(
      `UPDATE crm_activities SET customer_id = $3, source_customer_id = $2 WHERE order_id = $1 AND customer_id IS NULL`,
      [orderId, customerId, await resolveCustomerId(manager, customerId)],
    );
  }

  private async customerOfOrder(manager: EntityManager, orderId: string): Promise<string | null> {
    const rows: { customer_id: string }[] = await manager.query(
      `SELECT customer_id FROM order_customers WHERE order_id = $1`,
      [orderId],
    );
    return rows[0]?.customer_id ?? null;
  }
}

interface ActivityRow {
  id: string;
  event_id: string;
  event_type: string;
  occurred_at: Date;
  order_id: string;
  customer_id: string | null;
  source_customer_id: string | null;
  summary: string;
  details: Record<string, unknown>;
  amount_minor: string | null;
  currency: string | null;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  delivered_at: Date | null;
}

function toActivityView(row: ActivityRow): ActivityView {
  return {
    id: row.id,
    type: row.event_type,
    eventId: row.event_id,
    occurredAt: row.occurred_at.toISOString(),
    orderId: row.order_id,
    customerId: row.customer_id,
    sourceCustomerId: row.source_customer_id,
    summary: row.summary,
    details: row.details,
    amountMinor: row.amount_minor === null ? null : Number(row.amount_minor),
    currency: row.currency,
    delivery: {
      status: row.status,
      attempts: row.attempts,
      lastError: row.last_error,
      nextAttemptAt: row.status === 'PENDING' ? row.next_attempt_at.toISOString() : null,
      deliveredAt: row.delivered_at?.toISOString() ?? null,
    },
  };
}
