import type { FormEvent } from 'react';
import { useState } from 'react';
import type { Me } from '../api';
import { api, may, when } from '../api';
import { describe, Loading, Outcome, Problem, Section, useLoad } from '../components';
import { Link, navigate } from '../router';

interface Letter {
  id: string;
  service: string;
  originalTopic: string;
  key: string | null;
  eventType: string | null;
  reason: string;
  errorMessage: string;
  attempts: number;
  lastFailureAt: string | null;
  replayedAt: string | null;
  dismissedAt?: string | null;
  dismissReason?: string | null;
  payload?: unknown;
  headers?: Record<string, string>;
}

interface AuditRecord {
  id: string;
  service: string;
  recordedAt: string;
  action: string;
  targetId: string;
  actorSubject: string;
  reason: string | null;
}

const SERVICES = ['order', 'inventory', 'invoicing', 'shipping', 'crm-sync'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const uid = (letter: Letter) => `${letter.service}/${letter.id}`;

/** Every service's dead letters in one list: filter, look inside, replay or dismiss with a reason. */
export function DeadLettersPage({ me }: { me: Me }) {
  const params = new URLSearchParams(window.location.search);
  const filter = { service: params.get('service') ?? '', eventType: params.get('eventType') ?? '', includeHandled: params.get('includeHandled') ?? '' };
  const request = new URLSearchParams(Object.entries(filter).filter(([, value]) => value)).toString();
  const letters = useLoad(() => api<{ items: Letter[]; errors: { service: string; error: string }[] }>(`/api/dead-letters?${request}`), request);
  const audit = useLoad(() => api<{ items: AuditRecord[] }>('/api/audit'), 'audit');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();

  const applyFilter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const field of ['service', 'eventType', 'includeHandled']) {
      const value = String(form.get(field) ?? '').trim();
      if (value) next.set(field, value);
    }
    setSelected(new Set());
    navigate(`/dead-letters?${next.toString()}`);
  };

  const open = (letters.data?.items ?? []).filter((letter) => !letter.replayedAt && !letter.dismissedAt);
  const chosen = (letters.data?.items ?? []).filter((letter) => selected.has(uid(letter)));

  /** One call per service that owns letters of the selection; the outcome lists each service's answer. */
  const act = async (kind: 'replay' | 'dismiss', reason: string, targets: Letter[], all: boolean) => {
    const byService = new Map<string, string[]>();
    for (const letter of targets) byService.set(letter.service, [...(byService.get(letter.service) ?? []), letter.id]);
    const lines: string[] = [];
    let ok = true;
    for (const [service, ids] of byService) {
      const body =
        kind === 'replay'
          ? { service, justification: reason, ...(all && !filter.eventType ? { all: true } : all ? { eventType: filter.eventType } : { ids }) }
          : { service, ids, dismissReason: reason };
      try {
        const result = await api<{ replayed?: string[]; dismissed?: string[]; skipped: { id: string; why: string }[] }>(`/api/dead-letters/${kind}`, { method: 'POST', body });
        const done = result.replayed ?? result.dismissed ?? [];
        const skipped = result.skipped.map((skip) => `${skip.id} skipped: ${skip.why}`);
        lines.push(`${service}: ${kind === 'replay' ? 'replayed' : 'dismissed'} ${done.length}${skipped.length ? ` (${skipped.join('; ')})` : ''}`);
      } catch (error) {
        ok = false;
        lines.push(`${service}: ${describe(error as Error)}`);
      }
    }
    setOutcome({ ok, text: lines.join(' · ') || 'Nothing to do.' });
    setSelected(new Set());
    letters.reload();
    audit.reload();
  };

  const submitAction = (kind: 'replay' | 'dismiss', all: boolean) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '');
    void act(kind, reason, all ? open.filter((letter) => !filter.service || letter.service === filter.service) : chosen, all);
  };

  return (
    <>
      <h1>Dead letters</h1>
      <form className="search card" onSubmit={applyFilter} aria-label="Filter dead letters">
        <label>
          Service
          <select name="service" defaultValue={filter.service}>
            <option value="">all</option>
            {SERVICES.map((service) => (
              <option key={service}>{service}</option>
            ))}
          </select>
        </label>
        <label>
          Event type
          <input name="eventType" defaultValue={filter.eventType} placeholder="OrderApproved" />
        </label>
        <label className="check">
          <input type="checkbox" name="includeHandled" value="true" defaultChecked={filter.includeHandled === 'true'} /> Include replayed and dismissed
        </label>
        <button type="submit">Filter</button>
      </form>
      <Outcome outcome={outcome} />
      {letters.error && <Problem>{letters.error}</Problem>}
      {letters.data?.errors.map((part) => (
        <Problem key={part.service}>{part.error}</Problem>
      ))}
      {letters.loading && !letters.data && <Loading what="dead letters" />}
      {letters.data && (
        <div className="card">
          {letters.data.items.length === 0 ? (
            <p className="muted">No dead letters.</p>
          ) : (
            <div className="table-wrap" tabIndex={0}>
              <table>
                <caption className="visually-hidden">Dead letters</caption>
                <thead>
                  <tr>
                    {may(me, 'replay') && <th scope="col">Select</th>}
                    <th scope="col">Service</th>
                    <th scope="col">Event</th>
                    <th scope="col">Key</th>
                    <th scope="col">Reason</th>
                    <th scope="col">Last failure</th>
                    <th scope="col">State</th>
                  </tr>
                </thead>
                <tbody>
                  {letters.data.items.map((letter) => (
                    <tr key={uid(letter)}>
                      {may(me, 'replay') && (
                        <td>
                          <input
                            type="checkbox"
                            aria-label={`Select ${letter.eventType ?? 'record'} ${letter.id} of ${letter.service}`}
                            disabled={Boolean(letter.replayedAt || letter.dismissedAt)}
                            checked={selected.has(uid(letter))}
                            onChange={(event) => {
                              const next = new Set(selected);
                              if (event.target.checked) next.add(uid(letter));
                              else next.delete(uid(letter));
                              setSelected(next);
                            }}
                          />
                        </td>
                      )}
                      <td>{letter.service}</td>
                      <td>{letter.eventType ?? '(undecodable)'}</td>
                      <td className="mono">{letter.key && UUID.test(letter.key) ? <Link to={`/orders/${letter.key}`}>{letter.key.slice(0, 8)}</Link> : (letter.key ?? '—')}</td>
                      <td>
                        <details>
                          <summary>{letter.reason}</summary>
                          <p className="small">{letter.errorMessage}</p>
                          <p className="small">
                            {letter.originalTopic} · {letter.attempts} attempts · id {letter.id}
                          </p>
                          {letter.headers && <pre>{JSON.stringify(letter.headers, null, 2)}</pre>}
                          {letter.payload !== undefined && <pre>{JSON.stringify(letter.payload, null, 2)}</pre>}
                        </details>
                      </td>
                      <td>{when(letter.lastFailureAt)}</td>
                      <td>{letter.dismissedAt ? `dismissed: ${letter.dismissReason ?? ''}` : letter.replayedAt ? `replayed ${when(letter.replayedAt)}` : 'open'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
      {may(me, 'replay') && letters.data && (
        <Section title="Act on dead letters">
          <form className="inline" onSubmit={submitAction('replay', false)}>
            <label>
              Justification for replaying the {chosen.length} selected
              <input name="reason" required maxLength={500} />
            </label>
            <button className="primary" type="submit" disabled={chosen.length === 0}>
              Replay selected
            </button>
          </form>
          <form className="inline" onSubmit={submitAction('replay', true)}>
            <label>
              Justification for replaying all {open.length} open that match the filter
              <input name="reason" required maxLength={500} />
            </label>
            <button type="submit" disabled={open.length === 0}>
              Replay all matching
            </button>
          </form>
          <form className="inline" onSubmit={submitAction('dismiss', false)}>
            <label>
              Why the {chosen.length} selected must never be applied
              <input name="reason" required maxLength={500} />
            </label>
            <button className="danger" type="submit" disabled={chosen.length === 0}>
              Dismiss selected
            </button>
          </form>
        </Section>
      )}
      <Section title="Recent actions (audit)">
        {audit.error && <Problem>{audit.error}</Problem>}
        {audit.data && (
          <ul className="audit">
            {audit.data.items.slice(0, 20).map((record) => (
              <li key={`${record.service}/${record.id}`}>
                <time dateTime={record.recordedAt}>{when(record.recordedAt)}</time> <strong>{record.action}</strong> by {record.actorSubject} on {record.service}
                {record.reason && <span className="muted"> — “{record.reason}”</span>}
              </li>
            ))}
            {audit.data.items.length === 0 && <li className="muted">No actions recorded yet.</li>}
          </ul>
        )}
      </Section>
    </>
  );
}
