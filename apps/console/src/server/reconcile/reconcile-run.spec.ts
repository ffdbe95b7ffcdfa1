import { parseReconcileOutput } from './reconcile-run';

describe('parseReconcileOutput', () => {
  it('reads each mismatch with the ids that link it to its order, and keeps the other lines as the summary', () => {
    const report = parseReconcileOutput(
      [
        'MISMATCH order-lines order=5b0e0b1e-0000-4000-8000-000000000001 line=1 sku=MUG-RED: reserved 2 but inventory holds 1',
        'MISMATCH dead-letters service=shipping dead-letter=0:4: not replayed',
        'checked 3 orders: 2 mismatches',
      ].join('\n'),
      1,
    );
    expect(report).toEqual({
      exitCode: 1,
      mismatches: [
        { check: 'order-lines', ids: { order: '5b0e0b1e-0000-4000-8000-000000000001', line: '1', sku: 'MUG-RED' }, detail: 'reserved 2 but inventory holds 1' },
        { check: 'dead-letters', ids: { service: 'shipping', 'dead-letter': '0:4' }, detail: 'not replayed' },
      ],
      summary: ['checked 3 orders: 2 mismatches'],
    });
  });
});
