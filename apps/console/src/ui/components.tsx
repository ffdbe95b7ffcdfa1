import type { ReactNode } from 'react';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './api';

/** Loads once per change of `key` (and on reload()); the page shows loading, the error, or the data. */
export function useLoad<T>(load: () => Promise<T>, key: string): { data?: T; error?: string; loading: boolean; reload: () => void } {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: true });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    load().then(
      (data) => current && setState({ data, loading: false }),
      (error: Error) => current && setState({ error: describe(error), loading: false }),
    );
    return () => {
      current = false;
    };
  }, [key, round]);
  const reload = useCallback(() => setRound((value) => value + 1), []);
  return { ...state, reload };
}

export function describe(error: Error): string {
  if (error instanceof ApiError && error.status === 403) return `Not allowed for your roles: ${error.message}`;
  return error.message;
}

export function Problem({ children }: { children: ReactNode }) {
  return (
    <p className="problem" role="alert">
      {children}
    </p>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status">
      Loading {what}…
    </p>
  );
}

export function Status({ value }: { value: string }) {
  return <span className={`status status-${value.toLowerCase()}`}>{value}</span>;
}

export function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  const heading = id ?? title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return (
    <section aria-labelledby={heading} className="card">
      <h2 id={heading}>{title}</h2>
      {children}
    </section>
  );
}

/** An outcome line after an action: what the service answered. */
export function Outcome({ outcome }: { outcome?: { ok: boolean; text: string } }) {
  if (!outcome) return null;
  return (
    <p className={outcome.ok ? 'outcome ok' : 'outcome problem'} role={outcome.ok ? 'status' : 'alert'}>
      {outcome.text}
    </p>
  );
}
