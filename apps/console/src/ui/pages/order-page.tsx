import type { FormEvent } from 'react';
import { useState } from 'react';
import type { Me } from '../api';
import { api, may, money, when } from '../api';
import { describe, Loading, Outcome, Problem, Section, Status, useLoad } from '../components';
import { Link } from '../router';

interface Line {
  lineNo: number;
  sku: string;
  ordered: number;
  reserved: number;
  backordered: number;
  shipped: number;
  invoiced: number;
  returned: number;
  credited: number;
  unitPriceMinor: number;
}

interface Order {
  id: string;
  status: string;
  channel: string;
  customerId: string;
  currency: string;
  createdAt: string;
  hold: { reason: string; detail: string; since: string } | null;
  lines: Line[];
  timeline: { at: string; event: string; status: string; detail: string | null }[];
}

type Part = { items: Record<string, unknown>[] } | { error: string; status: number };

interface TimelineEvent {
  eventId: string;
  eventType: string;
  service: string;
  producer: string;
  topic: string;
  occurredAt: string;
  traceId: string | null;
  payload: unknown;
}

interface Detail {
  order: Order;
  shipments: Part;
  invoices: Part;
  creditNotes: Part;
  timeline: { items: TimelineEvent[]; missing: { service: string; error: string }[] };
}

const text = (value: unknown) => (value === null || value === undefined ? '—' : String(value));

/** The key fields of an event's payload, in one line: what a person scans for. */
function keyFields(payload: unknown): string {
  if (!payload || typeof payload !== 'object') return '';
  return Object.entries(payload as Record<string, unknown>)
    .filter(([key, value]) => !['orderId', 'eventId', 'occurredAt'].includes(key) && (typeof value !== 'object' || value === null))
    .slice(0, 4)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(' ');
}

export function OrderPage({ orderId, me }: { orderId: string; me: Me }) {
  const { data, error, loading, reload } = useLoad(() => api<Detail>(`/api/orders/${orderId}`), orderId);
  if (error) return <Problem>{error}</Problem>;
  if (loading && !data) return <Loading what="the order" />;
  if (!data) return null;
  const { order } = data;
  return (
    <>
      <h1>
        Order <span className="mono">{order.id}</span>
      </h1>
      <div className="card facts">
        <dl>
          <div>
            <dt>Status</dt>
            <dd>
              <Status value={order.status} />
            </dd>
          </div>
          <div>
            <dt>Customer</dt>
            <dd>
              <Link to={`/customers/${encodeURIComponent(order.customerId)}`}>{order.customerId}</Link>
            </dd>
          </div>
          <div>
            <dt>Channel</dt>
            <dd>{order.channel}</dd>
          </div>
          <div>
            <dt>Placed</dt>
            <dd>{when(order.createdAt)}</dd>
          </div>
          {order.hold && (
            <div>
              <dt>Held</dt>
              <dd>
                {order.hold.reason}: {order.hold.detail} (since {when(order.hold.since)})
              </dd>
            </div>
          )}
        </dl>
        <Link to={`/orders/${order.id}/trace`}>Trace of this order</Link>
      </div>
      {order.status === 'HELD' && may(me, 'approve') && <ApproveForm orderId={order.id} onDone={reload} />}
      <Section title="Lines">
        <div className="table-wrap" tabIndex={0}>
          <table>
            <thead>
              <tr>
                {['Line', 'SKU', 'Ordered', 'Reserved', 'Backordered', 'Shipped', 'Invoiced', 'Returned', 'Credited', 'Unit price'].map((heading, index) => (
                  <th key={heading} scope="col" className={index > 1 ? 'number' : undefined}>
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {order.lines.map((line) => (
                <tr key={line.lineNo}>
                  <td>{line.lineNo}</td>
                  <td className="mono">{line.sku}</td>
                  {[line.ordered, line.reserved, line.backordered, line.shipped, line.invoiced, line.returned, line.credited].map((value, index) => (
                    <td key={index} className="number">
                      {value}
                    </td>
                  ))}
                  <td className="number">{money(line.unitPriceMinor, order.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
      <Documents title="Shipments" part={data.shipments} columns={[['id', 'Shipment'], ['warehouse', 'Warehouse'], ['status', 'Status'], ['trackingNumber', 'Tracking'], ['lastLabelError', 'Label error']]} />
      <Documents title="Invoices and payments" part={data.invoices} columns={[['number', 'Invoice'], ['totalMinor', 'Total'], ['paidMinor', 'Paid'], ['status', 'Status'], ['dueDate', 'Due']]} currency={order.currency} />
      <Documents title="Credit notes" part={data.creditNotes} columns={[['number', 'Credit note'], ['totalMinor', 'Total'], ['issuedAt', 'Issued']]} currency={order.currency} />
      <Timeline orderId={order.id} detail={data} />
    </>
  );
}

function Documents({ title, part, columns, currency }: { title: string; part: Part; columns: [string, string][]; currency?: string }) {
  return (
    <Section title={title}>
      {'error' in part ? (
        <p className="muted">{part.status === 403 ? 'Not visible to your roles.' : `Not available: ${part.error}`}</p>
      ) : part.items.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <thead>
              <tr>
                {columns.map(([, heading]) => (
                  <th key={heading} scope="col">
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {part.items.map((item, index) => (
                <tr key={String(item.id ?? index)}>
                  {columns.map(([field]) => (
                    <td key={field} className={field === 'id' ? 'mono' : undefined}>
                      {field.endsWith('Minor') && currency ? money(Number(item[field]), currency) : field.endsWith('At') ? when(item[field] as string) : text(item[field])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

function Timeline({ orderId, detail }: { orderId: string; detail: Detail }) {
  const { items, missing } = detail.timeline;
  return (
    <Section title="Timeline across services">
      {missing.length > 0 && <p className="muted">Not included: {missing.map((part) => `${part.service} (${part.error})`).join(', ')}</p>}
      {items.length > 0 ? (
        <ol className="timeline">
          {items.map((event) => (
            <li key={event.eventId}>
              <time dateTime={event.occurredAt}>{when(event.occurredAt)}</time>
              <strong>{event.eventType}</strong>
              <span className="tag">{event.producer}</span>
              <span className="muted small">{keyFields(event.payload)}</span>
              {event.traceId && (
                <Link to={`/orders/${orderId}/trace#${event.traceId}`} aria-label={`Trace of ${event.eventType}`}>
                  trace
                </Link>
              )}
            </li>
          ))}
        </ol>
      ) : (
        <ol className="timeline">
          {detail.order.timeline.map((entry, index) => (
            <li key={index}>
              <time dateTime={entry.at}>{when(entry.at)}</time>
              <strong>{entry.event}</strong>
              <span className="tag">order</span>
              <span className="muted small">{entry.detail}</span>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

function ApproveForm({ orderId, onDone }: { orderId: string; onDone: () => void }) {
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '');
    try {
      await api(`/api/orders/${orderId}/approve`, { method: 'POST', body: { reason } });
      setOutcome({ ok: true, text: 'Approved.' });
      onDone();
    } catch (error) {
      setOutcome({ ok: false, text: describe(error as Error) });
    }
  };
  return (
    <Section title="Approve this held order">
      <form className="inline" onSubmit={(event) => void submit(event)}>
        <label>
          Reason
          <input name="reason" required maxLength={500} placeholder="credit checked by phone" />
        </label>
        <button className="primary" type="submit">
          Approve
        </button>
      </form>
      <Outcome outcome={outcome} />
    </Section>
  );
}
