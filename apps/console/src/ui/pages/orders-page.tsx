import type { FormEvent } from 'react';
import { api, money, when } from '../api';
import { Loading, Problem, Status, useLoad } from '../components';
import { Link, navigate } from '../router';

interface OrderSummary {
  id: string;
  status: string;
  channel: string;
  customerId: string;
  currency: string;
  createdAt: string;
  lines: { ordered: number; unitPriceMinor: number }[];
}

const STATUSES = ['HELD', 'APPROVED', 'RESERVED', 'BACKORDERED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'INVOICED', 'PAID', 'COMPLETED', 'CANCELLED'];
const FIELDS = ['q', 'customerId', 'channel', 'status', 'placedFrom', 'placedTo'] as const;

/** Search by id, customer, channel, status and date; the order service pages by id (afterId), so page 1000 is as quick as page 1. */
export function OrdersPage({ path }: { path: string }) {
  const params = new URLSearchParams(path.split('?')[1] ?? '');
  const search = Object.fromEntries(FIELDS.map((field) => [field, params.get(field) ?? '']));
  const afterId = params.get('afterId') ?? '';
  const request = new URLSearchParams(Object.entries({ ...search, afterId }).filter(([, value]) => value !== '')).toString();
  const { data, error, loading } = useLoad(() => api<{ items: OrderSummary[]; nextAfterId: string | null }>(`/api/orders?${request}`), request);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const q = String(form.get('q') ?? '').trim();
    // An order id goes straight to the order.
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(q)) return navigate(`/orders/${q.toLowerCase()}`);
    const next = new URLSearchParams();
    for (const field of FIELDS) {
      const value = String(form.get(field) ?? '').trim();
      if (value) next.set(field, value);
    }
    navigate(`/?${next.toString()}`);
  };
  const nextPage = data?.nextAfterId ? `/?${new URLSearchParams({ ...Object.fromEntries(Object.entries(search).filter(([, v]) => v)), afterId: data.nextAfterId }).toString()}` : null;

  return (
    <>
      <h1>Orders</h1>
      <form className="search card" onSubmit={submit} role="search" aria-label="Search orders">
        <label>
          Order id or text
          <input name="q" defaultValue={search.q} placeholder="id, sku, name…" />
        </label>
        <label>
          Customer
          <input name="customerId" defaultValue={search.customerId} placeholder="CUST-1" />
        </label>
        <label>
          Channel
          <input name="channel" defaultValue={search.channel} />
        </label>
        <label>
          Status
          <select name="status" defaultValue={search.status}>
            <option value="">any</option>
            {STATUSES.map((status) => (
              <option key={status}>{status}</option>
            ))}
          </select>
        </label>
        <label>
          Placed from
          <input type="date" name="placedFrom" defaultValue={search.placedFrom} />
        </label>
        <label>
          Placed to
          <input type="date" name="placedTo" defaultValue={search.placedTo} />
        </label>
        <button className="primary" type="submit">
          Search
        </button>
      </form>
      {error && <Problem>{error}</Problem>}
      {loading && !data && <Loading what="orders" />}
      {data && (
        <div className="card">
          <div className="table-wrap" tabIndex={0}>
            <table>
              <caption className="visually-hidden">Orders found</caption>
              <thead>
                <tr>
                  <th scope="col">Order</th>
                  <th scope="col">Status</th>
                  <th scope="col">Customer</th>
                  <th scope="col">Channel</th>
                  <th scope="col">Placed</th>
                  <th scope="col" className="number">
                    Net
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((order) => (
                  <tr key={order.id}>
                    <td>
                      <Link to={`/orders/${order.id}`} className="mono">
                        {order.id.slice(0, 8)}
                      </Link>
                    </td>
                    <td>
                      <Status value={order.status} />
                    </td>
                    <td>
                      <Link to={`/customers/${encodeURIComponent(order.customerId)}`}>{order.customerId}</Link>
                    </td>
                    <td>{order.channel}</td>
                    <td>{when(order.createdAt)}</td>
                    <td className="number">{money(order.lines.reduce((sum, line) => sum + line.ordered * line.unitPriceMinor, 0), order.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {data.items.length === 0 && <p className="muted">No order matches.</p>}
          <div className="pager">
            {afterId && (
              <button type="button" onClick={() => window.history.back()}>
                Previous page
              </button>
            )}
            {nextPage && (
              <Link className="button" to={nextPage}>
                Next page
              </Link>
            )}
          </div>
        </div>
      )}
    </>
  );
}
