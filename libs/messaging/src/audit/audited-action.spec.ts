import type { AuditedAction } from './audited-action';
import { noteAuditTargets, runAudited, targetsOf } from './audited-action';

describe('targetsOf', () => {
  it('takes the path parameters first, then the ids the body names', () => {
    const body = { invoiceId: 'INV-7', paymentRef: 'PAY-1', amountMinor: 500, note: 'x', id: 'ignored' };
    expect(targetsOf({ id: 'SHP-1' }, body)).toEqual({ id: 'SHP-1', invoiceId: 'INV-7', paymentRef: 'PAY-1' });
  });

  it('joins id lists and leaves other values out', () => {
    expect(targetsOf({}, { ids: ['0:12', '1:3'], reason: 'fixed', all: true })).toEqual({ ids: '0:12,1:3' });
  });

  it('never lets the body override a path parameter', () => {
    expect(targetsOf({ customerId: 'C-1' }, { customerId: 'C-2' })).toEqual({ customerId: 'C-1' });
  });

  it('copes with no body at all', () => {
    expect(targetsOf({ id: 'A' }, undefined)).toEqual({ id: 'A' });
  });
});

describe('noteAuditTargets', () => {
  const action = (): AuditedAction => ({
    action: 'load-products',
    route: 'PUT /v1/products',
    targets: {},
    principal: { subject: 'erp', client: 'erp', roles: ['catalogue'], via: 'bearer' },
    reason: null,
    requestId: 'req-1',
    recorded: false,
  });

  it('adds what the action did to the record it is about to get', () => {
    const audited = action();
    runAudited(audited, () => noteAuditTargets({ load: 'corr-1', applied: '3' }));
    expect(audited.targets).toEqual({ load: 'corr-1', applied: '3' });
  });

  it('leaves a record already written, and work outside an audited request, alone', () => {
    const recorded = { ...action(), recorded: true };
    runAudited(recorded, () => noteAuditTargets({ applied: '3' }));
    expect(recorded.targets).toEqual({});
    expect(() => noteAuditTargets({ applied: '3' })).not.toThrow();
  });
});
