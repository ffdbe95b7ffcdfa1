import { useEffect, useState } from 'react';
import type { Me } from './api';
import { api, ApiError, may, rememberCsrfToken } from './api';
import { Loading, Problem } from './components';
import { CustomerPage } from './pages/customer-page';
import { DeadLettersPage } from './pages/dead-letters-page';
import { FlowHealthPage } from './pages/flow-health-page';
import { OrderPage } from './pages/order-page';
import { OrdersPage } from './pages/orders-page';
import { ReconcilePage } from './pages/reconcile-page';
import { RevenuePage } from './pages/revenue-page';
import { StuckPage } from './pages/stuck-page';
import { TracePage } from './pages/trace-page';
import { Link, usePath } from './router';

const UUID = '[0-9a-f-]{36}';

function page(path: string, me: Me) {
  const [pathname] = path.split('?');
  const trace = new RegExp(`^/orders/(${UUID})/trace$`).exec(pathname);
  if (trace) return <TracePage orderId={trace[1]} />;
  const order = new RegExp(`^/orders/(${UUID})$`).exec(pathname);
  if (order) return <OrderPage orderId={order[1]} me={me} />;
  const customer = /^\/customers\/([^/]+)$/.exec(pathname);
  if (customer) return <CustomerPage customerId={decodeURIComponent(customer[1])} />;
  if (pathname === '/stuck') return <StuckPage me={me} />;
  if (pathname === '/dead-letters') return <DeadLettersPage me={me} />;
  if (pathname === '/flow') return <FlowHealthPage />;
  if (pathname === '/reconcile') return <ReconcilePage />;
  if (pathname === '/revenue') return <RevenuePage path={path} />;
  return <OrdersPage path={path} />;
}

const NAV: { to: string; label: string; shown?: (me: Me) => boolean }[] = [
  { to: '/', label: 'Orders' },
  { to: '/stuck', label: 'Stuck orders' },
  { to: '/dead-letters', label: 'Dead letters', shown: (me) => may(me, 'readOperations') },
  { to: '/flow', label: 'Flow health', shown: (me) => may(me, 'readOperations') },
  { to: '/reconcile', label: 'Reconcile', shown: (me) => may(me, 'readOperations') },
  { to: '/revenue', label: 'Revenue', shown: (me) => may(me, 'readRevenue') },
];

export function App() {
  const path = usePath();
  const [me, setMe] = useState<Me | null>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api<Me>('/api/me').then(
      (person) => {
        rememberCsrfToken(person.csrfToken);
        setMe(person);
      },
      (failure: Error) => (failure instanceof ApiError && failure.status === 401 ? setMe(null) : setError(failure.message)),
    );
  }, []);

  if (error) return <main className="login"><Problem>{error}</Problem></main>;
  if (me === undefined) return <main className="login"><Loading what="your session" /></main>;
  if (me === null)
    return (
      <main className="login">
        <h1>Tradeflow console</h1>
        <p>Every order's journey, and what to do when one is stuck.</p>
        <a className="button primary" href="/auth/login">
          Log in
        </a>
      </main>
    );

  const logout = async () => {
    const { logoutUrl } = await api<{ logoutUrl?: string }>('/auth/logout', { method: 'POST' });
    window.location.assign(logoutUrl ?? '/');
  };
  const [pathname] = path.split('?');
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">Tradeflow</span>
        <nav aria-label="Pages">
          <ul>
            {NAV.filter((item) => item.shown?.(me) ?? true).map((item) => (
              <li key={item.to}>
                <Link to={item.to} aria-current={pathname === item.to ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span>
            {me.name} <span className="muted">({me.roles.join(', ') || 'no role'})</span>
          </span>
          <button type="button" onClick={() => void logout()}>
            Log out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {page(path, me)}
      </main>
    </>
  );
}
