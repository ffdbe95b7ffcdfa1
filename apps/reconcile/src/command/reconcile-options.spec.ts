import { join } from 'node:path';
import { parseOptions } from './reconcile-options';

describe('parseOptions', () => {
  it("defaults to the local stack's ports, key file, grace and settle time", () => {
    expect(parseOptions([], { ORDER_PORT: '4001' })).toEqual({
      urls: {
        order: 'http://127.0.0.1:4001',
        inventory: 'http://127.0.0.1:3002',
        invoicing: 'http://127.0.0.1:3003',
        shipping: 'http://127.0.0.1:3004',
        'crm-sync': 'http://127.0.0.1:3005',
      },
      skipped: [],
      apiKey: undefined,
      apiKeyFile: join(__dirname, '../../../..', '.tradeflow', 'dev-api-key'),
      outboxGraceSeconds: 30,
      settleSeconds: 10,
      help: false,
    });
  });

  it('takes flags over RECONCILE_* variables, and skips services', () => {
    const options = parseOptions(
      ['--order-url', 'https://orders.example.com/', '--skip', 'crm-sync,shipping', '--api-key', 'tf_key', '--settle', '0', '--outbox-grace', '5'],
      { RECONCILE_ORDER_URL: 'http://ignored', RECONCILE_INVOICING_URL: 'http://invoicing:8080', RECONCILE_API_KEY: 'other', TRADEFLOW_STATE_DIR: '/state' },
    );
    expect(options).toMatchObject({
      urls: { order: 'https://orders.example.com', invoicing: 'http://invoicing:8080', inventory: 'http://127.0.0.1:3002' },
      skipped: ['crm-sync', 'shipping'],
      apiKey: 'tf_key',
      apiKeyFile: '/state/dev-api-key',
      settleSeconds: 0,
      outboxGraceSeconds: 5,
    });
    expect(options.urls).not.toHaveProperty('shipping');
    expect(options.urls).not.toHaveProperty('crm-sync');
    expect(parseOptions([], { RECONCILE_API_KEY: 'from-env' }).apiKey).toBe('from-env');
  });

  it.each([
    [['--order-url', 'not a url'], '--order-url: "not a url" is not a URL'],
    [['--shipping-url', 'ftp://x'], '--shipping-url: "ftp://x" is not an http(s) URL'],
    [['--skip', 'billing'], '--skip: unknown service "billing" (one of order, inventory, invoicing, shipping, crm-sync)'],
    [['--skip', 'order'], '--skip: order cannot be skipped: every check starts from the orders'],
    [['--settle=-1'], '--settle: "-1" is not a number of seconds ≥ 0'],
    [['--outbox-grace', 'soon'], '--outbox-grace: "soon" is not a number of seconds ≥ 0'],
    [['--api-key', ' '], '--api-key is empty'],
    [['check'], 'unexpected arguments: check'],
    [['--verbose'], "Unknown option '--verbose'"],
  ])('refuses %j', (argv, message) => {
    expect(() => parseOptions(argv, {})).toThrow(message);
  });
});
