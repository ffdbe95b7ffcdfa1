import { api } from '../api';
import { Loading, Problem, Section, useLoad } from '../components';
import { Link } from '../router';
import type { Waterfall } from '../../server/traces/trace-waterfall';


/** A waterfall as the BFF builds it, with the production trace link when one is configured. */
type Trace = Waterfall & { link: string | null };

const SERVICES = ['order', 'inventory', 'invoicing', 'shipping', 'crm-sync'];

/** The order's traces as waterfalls: one bar per span on the trace's time axis, indented under its parent. */
export function TracePage({ orderId }: { orderId: string }) {
  const { data, error, loading } = useLoad(() => api<{ store: boolean; traces: Trace[] }>(`/api/traces/${orderId}`), orderId);
  if (error) return <Problem>{error}</Problem>;
  if (loading && !data) return <Loading what="the trace" />;
  if (!data) return null;
  return (
    <>
      <h1>
        Trace of order <Link to={`/orders/${orderId}`} className="mono">{orderId.slice(0, 8)}</Link>
      </h1>
      {data.traces.length === 0 && (
        <p className="muted">
          {data.store ? 'No spans of this order yet (services export them every few seconds).' : 'No local trace store; set CONSOLE_TRACE_URL_TEMPLATE to link to your tracing backend.'}
        </p>
      )}
      {data.traces.map((trace) => (
        <Section key={trace.traceId} id={`trace-${trace.traceId}`} title={`Trace ${trace.traceId.slice(0, 12)}… · ${trace.durationMs.toFixed(1)} ms · ${trace.rows.length} spans`}>
          {trace.link && (
            <p>
              <a href={trace.link} target="_blank" rel="noreferrer">
                Open in the tracing backend
              </a>
            </p>
          )}
          <ol className="waterfall" aria-label={`Spans of trace ${trace.traceId}`}>
            {trace.rows.map((row) => {
              const left = trace.durationMs ? (row.offsetMs / trace.durationMs) * 100 : 0;
              const width = trace.durationMs ? Math.max((row.durationMs / trace.durationMs) * 100, 0.4) : 100;
              return (
                <li key={row.spanId} className={row.error ? 'span error' : 'span'}>
                  <span className="span-label" style={{ paddingLeft: `${row.depth * 0.9}rem` }} title={row.eventType ? `${row.name} [${row.eventType}]` : row.name}>
                    <span className={`tag service-${SERVICES.indexOf(row.service)}`}>{row.service}</span> {row.name}
                    {row.eventType && <span className="muted"> [{row.eventType}]</span>}
                    {row.error && <span className="problem-text"> error: {row.error}</span>}
                  </span>
                  <span className="span-track" aria-hidden="true">
                    <span className={`span-bar service-${SERVICES.indexOf(row.service)}`} style={{ left: `${left}%`, width: `${Math.min(width, 100 - left)}%` }} />
                  </span>
                  <span className="span-time">
                    {row.durationMs.toFixed(1)} ms <span className="visually-hidden">starting at {row.offsetMs.toFixed(1)} ms</span>
                  </span>
                </li>
              );
            })}
          </ol>
        </Section>
      ))}
    </>
  );
}
