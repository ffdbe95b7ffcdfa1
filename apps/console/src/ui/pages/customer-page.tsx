import { api, money, when } from '../api';
import { Loading, Problem, Section, Status, useLoad } from '../components';
import { Link } from '../router';
import type { CustomerInvoiceRow as InvoiceRow } from '../../server/customers/customer-invoices';

type Read<T> = { value: T } | { error: string; status: number };


interface CustomerView {
  id: string;
  master: Read<Record<string, unknown>>;
  account: Read<Record<string, unknown>>;
  orders: Read<{ items: { id: string; status: string; createdAt: string }[] }>;
  invoices: Read<{ rows: InvoiceRow[]; more: boolean }>;
  activities: Read<Record<string, unknown>[] | { items: Record<string, unknown>[] }>;
}

function Unavailable({ read }: { read: { error: string; status: number } }) {
  return <p className="muted">{read.status === 403 ? 'Not visible to your roles.' : read.status === 404 ? 'Not known here.' : read.error}</p>;
}

/** Plain fields of a record as a definition list; nested values as JSON. */
function Fields({ record }: { record: Record<string, unknown> }) {
  return (
    <dl className="facts compact">
      {Object.entries(record).map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>{key.endsWith('Minor') ? money(Number(value)) : typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value ?? '—')}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The customer's invoices, newest first, each linked to its order. Invoices keep the id they were issued to, so a merged id's invoices are on that id's page. */
function Invoices({ rows, more }: { rows: InvoiceRow[]; more: boolean }) {
  if (rows.length === 0) return <p className="muted">No invoices.</p>;
  return (
    <div className="table-wrap" tabIndex={0}>
      <table>
        <thead>
          <tr>
            {['Invoice', 'Date', 'Total', 'Paid', 'Due', 'Status', 'Order'].map((heading) => (
              <th key={heading} scope="col" className={heading === 'Total' || heading === 'Paid' ? 'number' : undefined}>
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((invoice) => (
            <tr key={invoice.id}>
              <td className="mono">{invoice.number}</td>
              <td>{when(invoice.issuedAt)}</td>
              <td className="number">{money(invoice.totalMinor, invoice.currency)}</td>
              <td className="number">{money(invoice.paidMinor, invoice.currency)}</td>
              <td>{invoice.dueDate}</td>
              <td>
                <Status value={invoice.status} />
              </td>
              <td>
                <Link to={`/orders/${invoice.orderId}`} className="mono">
                  {invoice.orderId.slice(0, 8)}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {more && <p className="muted">Only the first {rows.length} invoices are shown.</p>}
    </div>
  );
}

/** Everything customer service needs on a call: master data and holds, credit and exposure, orders, invoices, CRM deliveries. */
export function CustomerPage({ customerId }: { customerId: string }) {
  const { data, error, loading } = useLoad(() => api<CustomerView>(`/api/customers/${encodeURIComponent(customerId)}`), customerId);
  if (error) return <Problem>{error}</Problem>;
  if (loading && !data) return <Loading what="the customer" />;
  if (!data) return null;
  const activities = 'value' in data.activities ? (Array.isArray(data.activities.value) ? data.activities.value : data.activities.value.items) : [];
  return (
    <>
      <h1>Customer {customerId}</h1>
      <Section title="Master data and holds">{'value' in data.master ? <Fields record={data.master.value} /> : <Unavailable read={data.master} />}</Section>
      <Section title="Credit and exposure">{'value' in data.account ? <Fields record={data.account.value} /> : <Unavailable read={data.account} />}</Section>
      <Section title="Orders">
        {'value' in data.orders ? (
          <ul>
            {data.orders.value.items.map((order) => (
              <li key={order.id}>
                <Link to={`/orders/${order.id}`} className="mono">
                  {order.id.slice(0, 8)}
                </Link>{' '}
                <Status value={order.status} /> {when(order.createdAt)}
              </li>
            ))}
            {data.orders.value.items.length === 0 && <li className="muted">No orders.</li>}
          </ul>
        ) : (
          <Unavailable read={data.orders} />
        )}
      </Section>
      <Section title="Invoices">{'value' in data.invoices ? <Invoices {...data.invoices.value} /> : <Unavailable read={data.invoices} />}</Section>
      <Section title="CRM activity deliveries">
        {'value' in data.activities ? (
          <ul>
            {activities.map((activity, index) => (
              <li key={String(activity.id ?? index)}>
                <strong>{String(activity.type ?? activity.kind ?? 'activity')}</strong> {String(activity.status ?? '')} {when(activity.createdAt as string)}
              </li>
            ))}
            {activities.length === 0 && <li className="muted">None.</li>}
          </ul>
        ) : (
          <Unavailable read={data.activities} />
        )}
      </Section>
    </>
  );
}
