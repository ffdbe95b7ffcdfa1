import { parseOptions } from './reconcile-options';

describe('parseOptions', () => {
  it("defaults to the local stack's ports, issuer, grace and settle time", () => {
    expect(parseOptions([], { ORDER_PORT: '4001' })).toEqual({
      urls: {
        order: 'http://127.0.0.1:4001',
        inventory: 'http://127.0.0.1:3002',
        invoicing: 'http://127.0.0.1:3003',
        shipping: 'http://127.0.0.1:3004',
        'crm-sync': 'http://127.0.0.1:3005',
      },
      skipped: [],
      token: undefined,
      devIssuerUrl: 'http://127.0.0.1:9400',
      outboxGraceSeconds: 30,
      settleSeconds: 10,
      help: false,
    });
  });

  it('takes flags over RECONCILE_* variables, and skips services', () => {
    const options = parseOptions(
      ['--order-url', 'https://orders.example.com/', '--skip', 'crm-sync,shipping', '--token', 'eyJ.flag', '--settle', '0', '--outbox-grace', '5'],
      { RECONCILE_ORDER_URL: 'http://ignored', RECONCILE_INVOICING_URL: 'http://invoicing:8080', RECONCILE_TOKEN: 'eyJ.env', OIDC_PORT: '9401' },
    );
    expect(options).toMatchObject({
      urls: { order: 'https://orders.example.com', invoicing: 'http://invoicing:8080', inventory: 'http://127.0.0.1:3002' },
      skipped: ['crm-sync', 'shipping'],
      token: 'eyJ.flag',
      devIssuerUrl: 'http://127.0.0.1:9401',
      settleSeconds: 0,
      outboxGraceSeconds: 5,
    });
    expect(options.urls).not.toHaveProperty('shipping');
    expect(options.urls).not.toHaveProperty('crm-sync');
    expect(parseOptions([], { RECONCILE_TOKEN: 'eyJ.env' }).token).toBe('eyJ.env');
    expect(parseOptions([], { OIDC_ISSUER_URL: 'http://127.0.0.1:19400' }).devIssuerUrl).toBe('http://127.0.0.1:19400');
  });

  it.each([
    [['--order-url', 'not a url'], '--order-url: "not a url" is not a URL'],
    [['--shipping-url', 'ftp://x'], '--shipping-url: "ftp://x" is not an http(s) URL'],
    [['--skip', 'billing'], '--skip: unknown service "billing" (one of order, inventory, invoicing, shipping, crm-sync)'],
    [['--skip', 'order'], '--skip: order cannot be skipped: every check starts from the orders'],
    [['--settle=-1'], '--settle: "-1" is not a number of seconds ≥ 0'],
    [['--outbox-grace', 'soon'], '--outbox-grace: "soon" is not a number of seconds ≥ 0'],
    [['--token', ' '], '--token is empty'],
    [['check'], 'unexpected arguments: check'],
    [['--verbose'], "Unknown option '--verbose'"],
  ])('refuses %j', (argv, message) => {
    expect(() => parseOptions(argv, {})).toThrow(message);
  });
});
