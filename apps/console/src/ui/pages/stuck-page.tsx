import type { FormEvent } from 'react';
import { useState } from 'react';
import type { Me } from '../api';
import { api, may, when } from '../api';
import { describe, Loading, Outcome, Problem, Status, useLoad } from '../components';
import { Link } from '../router';

interface StuckOrder {
  orderId: string;
  customerId: string;
  channel: string;
  status: string;
  since: string;
  limitSeconds: number;
  overdueSeconds: number;
  reason: string;
  detail: string;
  action: 'approve' | 'retry-label' | 'replay-dead-letter' | 'receive-stock' | 'amend-order' | 'none';
}

const ACTION_LABEL: Record<string, string> = { approve: 'Approve', 'retry-label': 'Retry label', 'replay-dead-letter': 'Replay dead letter' };
const ACTION_ROLE = { approve: 'approve', 'retry-label': 'retryLabel', 'replay-dead-letter': 'replay' } as const;

function overdue(seconds: number): string {
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

/** Orders that did not reach their next status in time, why, and the button that fixes each. */
export function StuckPage({ me }: { me: Me }) {
  const { data, error, loading, reload } = useLoad(() => api<{ items: StuckOrder[] }>('/api/orders/stuck'), 'stuck');
  // Kept here: a fixed order leaves the list, and its outcome must stay visible.
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const report = (result: { ok: boolean; text: string }) => {
    setOutcome(result);
    if (result.ok) reload();
  };
  return (
    <>
      <h1>Stuck orders</h1>
      <Outcome outcome={outcome} />
      <button type="button" onClick={reload}>
        Refresh
      </button>
      {error && <Problem>{error}</Problem>}
      {loading && !data && <Loading what="stuck orders" />}
      {data && data.items.length === 0 && <p className="muted">No order is stuck.</p>}
      {data && data.items.length > 0 && (
        <ul className="stuck-list">
          {data.items.map((order) => (
            <li key={order.orderId} className="card">
              <div className="stuck-head">
                <Link to={`/orders/${order.orderId}`} className="mono">
                  {order.orderId.slice(0, 8)}
                </Link>
                <Status value={order.status} />
                <span>
                  {order.customerId} · {order.channel}
                </span>
                <span className="muted">
                  since {when(order.since)}, {overdue(order.overdueSeconds)} over its limit
                </span>
              </div>
              <p>
                <strong className="reason">{order.reason}</strong>: {order.detail}
              </p>
              <Fix me={me} order={order} report={report} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Fix({ me, order, report }: { me: Me; order: StuckOrder; report: (outcome: { ok: boolean; text: string }) => void }) {
  if (order.action === 'none') return <p className="muted">Nothing to do here: it moves on by itself.</p>;
  if (order.action === 'receive-stock') return <p className="muted">Waits for a stock receipt of the backordered sku.</p>;
  if (order.action === 'amend-order') return <p className="muted">No stock will come for a withdrawn product: the channel removes its line, or the order is cancelled.</p>;
  if (!may(me, ACTION_ROLE[order.action])) return <p className="muted">{ACTION_LABEL[order.action]} needs a role you do not have.</p>;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '');
    try {
      const result = await api<{ done: string[] }>(`/api/orders/${order.orderId}/fix`, { method: 'POST', body: { action: order.action, reason } });
      report({ ok: true, text: `Order ${order.orderId.slice(0, 8)}: ${result.done.join('; ')}` });
    } catch (error) {
      report({ ok: false, text: `Order ${order.orderId.slice(0, 8)}: ${describe(error as Error)}` });
    }
  };
  return (
    <form className="inline" onSubmit={(event) => void submit(event)}>
        <label>
          Reason for {ACTION_LABEL[order.action].toLowerCase()}
          <input name="reason" required maxLength={500} />
        </label>
        <button className="primary" type="submit">
          {ACTION_LABEL[order.action]}
        </button>
    </form>
  );
}
