import type { FormEvent } from 'react';
import { api, money } from '../api';
import { Loading, Problem, Section, useLoad } from '../components';
import { navigate } from '../router';

interface RevenueRow {
  group: string | null;
  currency: string;
  netMinor: number;
  taxMinor: number;
  creditedMinor: number;
  paidMinor: number;
  outstandingMinor: number;
}

const GROUPINGS = ['day', 'customer', 'channel'];
const AMOUNTS: [keyof RevenueRow, string][] = [
  ['netMinor', 'Net'],
  ['taxMinor', 'Tax'],
  ['creditedMinor', 'Credited'],
  ['paidMinor', 'Paid'],
  ['outstandingMinor', 'Outstanding'],
];

/** This month so far (UTC), the report's default period. */
function thisMonth(): { from: string; to: string } {
  const today = new Date().toISOString().slice(0, 10);
  return { from: `${today.slice(0, 8)}01`, to: today };
}

/** Invoicing's revenue report (docs/design.md#revenue-report): net, tax, credited, paid and outstanding per day, customer or channel. */
export function RevenuePage({ path }: { path: string }) {
  const params = new URLSearchParams(path.split('?')[1] ?? '');
  const period = thisMonth();
  const search = {
    from: params.get('from') ?? period.from,
    to: params.get('to') ?? period.to,
    groupBy: params.get('groupBy') ?? 'day',
    currency: params.get('currency') ?? '',
  };
  const request = new URLSearchParams(Object.entries(search).filter(([, value]) => value !== '')).toString();
  const { data, error, loading } = useLoad(() => api<{ rows: RevenueRow[] }>(`/api/reports/revenue?${request}`), request);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const field of Object.keys(search)) {
      const value = String(form.get(field) ?? '').trim();
      if (value) next.set(field, value);
    }
    navigate(`/revenue?${next.toString()}`);
  };

  return (
    <>
      <h1>Revenue</h1>
      <form className="search card" onSubmit={submit} aria-label="Revenue report period">
        <label>
          From
          <input name="from" type="date" defaultValue={search.from} required />
        </label>
        <label>
          To
          <input name="to" type="date" defaultValue={search.to} required />
        </label>
        <label>
          Per
          <select name="groupBy" defaultValue={search.groupBy}>
            {GROUPINGS.map((grouping) => (
              <option key={grouping}>{grouping}</option>
            ))}
          </select>
        </label>
        <label>
          Currency
          <input name="currency" defaultValue={search.currency} placeholder="all" />
        </label>
        <button className="primary" type="submit">
          Show
        </button>
      </form>
      <p className="muted">
        Net and tax by invoice date, credited by credit note date, paid by payment date; outstanding is what the period's invoices still owed at the end of its last day.
        For CSV, ask invoicing's <code>GET /v1/reports/revenue</code> with <code>Accept: text/csv</code>.
      </p>
      {loading && <Loading what="the revenue report" />}
      {error && <Problem>{error}</Problem>}
      {data && (
        <Section title={`Per ${search.groupBy}, ${search.from} to ${search.to}`}>
          {data.rows.length === 0 ? (
            <p className="muted">Nothing invoiced, credited or paid in this period.</p>
          ) : (
            <div className="table-wrap" tabIndex={0}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{search.groupBy}</th>
                    {AMOUNTS.map(([, heading]) => (
                      <th key={heading} scope="col" className="number">
                        {heading}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((row) => (
                    <tr key={`${row.group}/${row.currency}`}>
                      <td>{row.group ?? '(channel not known)'}</td>
                      {AMOUNTS.map(([field]) => (
                        <td key={field} className="number">
                          {money(Number(row[field]), row.currency)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Section>
      )}
    </>
  );
}
