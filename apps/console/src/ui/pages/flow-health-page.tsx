import { useEffect } from 'react';
import { api, when } from '../api';
import { Loading, Problem, Section, useLoad } from '../components';
import { Link } from '../router';

interface Lag {
  topic: string;
  partition: number;
  records: number;
  secondsBehind: number | null;
}

interface Retrying {
  topic: string;
  partition: number;
  attempts?: number;
  nextAttemptAt?: string;
  error?: string;
  [field: string]: unknown;
}

interface ServiceHealth {
  service: string;
  error: string | null;
  deadLetters: number | null;
  status: {
    consumerGroup: string;
    outbox: { count?: number; oldestAgeSeconds?: number | null; failingSince?: string | null; error?: string };
    retrying: Retrying[];
    lag?: Lag[];
    lagError?: string | null;
    eventsPerSecond?: number | null;
  } | null;
}

const REFRESH_MS = 5000;

/** Per service: consumer lag, paused partitions, outbox backlog, dead letters — refreshed every few seconds. */
export function FlowHealthPage() {
  const { data, error, reload } = useLoad(() => api<{ at: string; services: ServiceHealth[] }>('/api/flow-health'), 'flow');
  useEffect(() => {
    const timer = window.setInterval(reload, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  return (
    <>
      <h1>Flow health</h1>
      <p className="muted" aria-live="polite">
        {data ? `As of ${when(data.at)}; refreshes every ${REFRESH_MS / 1000} s.` : ''}
      </p>
      {error && <Problem>{error}</Problem>}
      {!data && !error && <Loading what="flow health" />}
      <div className="grid">
        {data?.services.map((service) => (
          <Section key={service.service} title={service.service} id={`flow-${service.service}`}>
            {service.error || !service.status ? (
              <Problem>{service.error}</Problem>
            ) : (
              <>
                <dl className="facts compact">
                  <div>
                    <dt>Outbox backlog</dt>
                    <dd>
                      {service.status.outbox.error ?? `${service.status.outbox.count ?? 0} rows${service.status.outbox.oldestAgeSeconds ? `, oldest ${Math.round(service.status.outbox.oldestAgeSeconds)} s` : ''}`}
                    </dd>
                  </div>
                  <div>
                    <dt>Paused partitions</dt>
                    <dd className={service.status.retrying.length ? 'problem-text' : undefined}>{service.status.retrying.length}</dd>
                  </div>
                  <div>
                    <dt>Events/s</dt>
                    <dd>{service.status.eventsPerSecond === null || service.status.eventsPerSecond === undefined ? '—' : service.status.eventsPerSecond.toFixed(1)}</dd>
                  </div>
                  <div>
                    <dt>Dead letters</dt>
                    <dd>{service.deadLetters === null ? '—' : <Link to={`/dead-letters?service=${service.service}`}>{service.deadLetters}</Link>}</dd>
                  </div>
                </dl>
                {service.status.retrying.map((partition) => (
                  <p key={`${partition.topic}-${partition.partition}`} className="small problem-text">
                    {partition.topic}[{partition.partition}] waits to retry{partition.error ? `: ${String(partition.error)}` : ''}
                  </p>
                ))}
                {service.status.lagError && <p className="small problem-text">Lag unknown: {service.status.lagError}</p>}
                {service.status.lag && service.status.lag.length > 0 ? (
                  <div className="table-wrap" tabIndex={0}>
                    <table className="small">
                      <caption>Lag of {service.status.consumerGroup}</caption>
                      <thead>
                        <tr>
                          <th scope="col">Topic [partition]</th>
                          <th scope="col" className="number">Records</th>
                          <th scope="col" className="number">Behind (s)</th>
                        </tr>
                      </thead>
                      <tbody>
                        {service.status.lag.map((lag) => (
                          <tr key={`${lag.topic}-${lag.partition}`} className={lag.records > 0 ? 'behind' : undefined}>
                            <td title={lag.topic}>
                              {lag.topic.replace(/^.*?tradeflow\./, '')} [{lag.partition}]
                            </td>
                            <td className="number">{lag.records}</td>
                            <td className="number">{lag.secondsBehind ?? '—'}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                ) : (
                  <p className="muted small">Consumer group {service.status.consumerGroup}; this service reports no lag yet.</p>
                )}
              </>
            )}
          </Section>
        ))}
      </div>
    </>
  );
}
