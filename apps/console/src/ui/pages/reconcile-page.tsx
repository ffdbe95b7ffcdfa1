import { useState } from 'react';
import { api } from '../api';
import { describe, Problem, Section } from '../components';
import { Link } from '../router';

interface Report {
  exitCode: number;
  mismatches: { check: string; ids: Record<string, string>; detail: string }[];
  summary: string[];
}

/** Runs reconcile (the invariants of docs/design.md#invariants, across every service) with your token; each mismatch links to its order. */
export function ReconcilePage() {
  const [report, setReport] = useState<Report>();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string>();
  const run = async () => {
    setRunning(true);
    setError(undefined);
    try {
      setReport(await api<Report>('/api/reconcile', { method: 'POST' }));
    } catch (failure) {
      setError(describe(failure as Error));
    } finally {
      setRunning(false);
    }
  };
  return (
    <>
      <h1>Reconcile</h1>
      <p>Reads every service and checks that orders, stock, shipments, invoices and messaging agree.</p>
      <button className="primary" type="button" onClick={() => void run()} disabled={running}>
        {running ? 'Running…' : 'Run reconcile'}
      </button>
      {error && <Problem>{error}</Problem>}
      {report && (
        <Section title={report.exitCode === 0 ? 'No mismatches' : report.exitCode === 1 ? `${report.mismatches.length} mismatches` : 'Could not read every service'}>
          {report.mismatches.length > 0 && (
            <ul className="mismatches">
              {report.mismatches.map((mismatch, index) => (
                <li key={index}>
                  <strong>{mismatch.check}</strong>{' '}
                  {Object.entries(mismatch.ids).map(([label, value]) =>
                    label === 'order' ? (
                      <Link key={label} to={`/orders/${value}`} className="mono">
                        order {value.slice(0, 8)}
                      </Link>
                    ) : (
                      <span key={label} className="tag">
                        {label} {value}
                      </span>
                    ),
                  )}
                  : {mismatch.detail}
                </li>
              ))}
            </ul>
          )}
          <pre>{report.summary.join('\n')}</pre>
        </Section>
      )}
    </>
  );
}
