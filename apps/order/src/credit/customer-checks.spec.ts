import type { CustomerStanding, Exposure, OrderUnderCheck } from './customer-checks';
import { checkInTurn, checkOrder, checkRaisedOrder } from './customer-checks';

const customer = (standing: Partial<CustomerStanding> = {}): CustomerStanding => ({
  customerId: 'CUST-1',
  known: true,
  onHold: false,
  holdReason: null,
  creditLimitMinor: null,
  currency: 'EUR',
  ...standing,
});
const nothingOwed: Exposure = { unpaidInvoicesMinor: 0n, openOrdersMinor: 0n };
const order = (valueMinor: number, rest: Partial<OrderUnderCheck> = {}): OrderUnderCheck => ({
  customerId: 'CUST-1',
  currency: 'EUR',
  valueMinor: BigInt(valueMinor),
  ...rest,
});

describe('checkOrder', () => {
  describe('unknown customer', () => {
    it('holds an order for a customer never heard of', () => {
      expect(checkOrder(null, nothingOwed, order(100))).toEqual({
        approved: false,
        reason: 'UNKNOWN_CUSTOMER',
        detail: 'customer CUST-1 is not known yet: no customer record from the CRM',
      });
    });

    it('holds while only a hold or a merge named the customer, without its record', () => {
      const named = customer({ known: false, onHold: true });
      expect(checkOrder(named, nothingOwed, order(100))).toMatchObject({ reason: 'UNKNOWN_CUSTOMER' });
    });

    it('names the survivor when a merged id resolves to a customer not known yet', () => {
      const verdict = checkOrder(customer({ customerId: 'CUST-2', known: false }), nothingOwed, order(100));
      expect(verdict).toMatchObject({ reason: 'UNKNOWN_CUSTOMER', detail: expect.stringContaining('CUST-1 (merged into CUST-2)') });
    });
  });

  describe('account hold', () => {
    it('holds with the hold’s reason', () => {
      const verdict = checkOrder(customer({ onHold: true, holdReason: 'overdue since March' }), nothingOwed, order(100));
      expect(verdict).toEqual({ approved: false, reason: 'ACCOUNT_HOLD', detail: 'account CUST-1 is on hold: overdue since March' });
    });

    it('comes before the credit limit', () => {
      const verdict = checkOrder(customer({ onHold: true, creditLimitMinor: 10 }), nothingOwed, order(100));
      expect(verdict).toMatchObject({ reason: 'ACCOUNT_HOLD', detail: expect.stringContaining('no reason given') });
    });
  });

  describe('credit limit', () => {
    const limited = customer({ creditLimitMinor: 10_000 });
    const owing: Exposure = { unpaidInvoicesMinor: 4000n, openOrdersMinor: 3000n };

    it('approves without a limit, whatever is owed', () => {
      expect(checkOrder(customer(), { unpaidInvoicesMinor: 10n ** 15n, openOrdersMinor: 0n }, order(5000))).toEqual({ approved: true });
    });

    it('approves up to the limit exactly', () => {
      expect(checkOrder(limited, owing, order(3000))).toEqual({ approved: true });
    });

    it('holds beyond it, naming every amount', () => {
      expect(checkOrder(limited, owing, order(3001))).toEqual({
        approved: false,
        reason: 'CREDIT_LIMIT_EXCEEDED',
        detail: 'unpaid invoices 4000 + open orders 3000 + this order 3001 = 10001 EUR exceeds the credit limit of 10000 EUR (minor units)',
      });
    });

    it('holds an order alone beyond the limit, and any order once the limit is 0', () => {
      expect(checkOrder(limited, nothingOwed, order(10_001))).toMatchObject({ reason: 'CREDIT_LIMIT_EXCEEDED' });
      expect(checkOrder(customer({ creditLimitMinor: 0 }), nothingOwed, order(1))).toMatchObject({ reason: 'CREDIT_LIMIT_EXCEEDED' });
      expect(checkOrder(customer({ creditLimitMinor: 0 }), nothingOwed, order(0))).toEqual({ approved: true });
    });

    it('holds an order in another currency than the limit: amounts are never converted', () => {
      expect(checkOrder(limited, nothingOwed, order(1, { currency: 'USD' }))).toEqual({
        approved: false,
        reason: 'CREDIT_LIMIT_EXCEEDED',
        detail: 'the order is in USD but the credit limit of CUST-1 is 10000 EUR (minor units); amounts are never converted',
      });
      expect(checkOrder(customer(), nothingOwed, order(1, { currency: 'USD' }))).toEqual({ approved: true });
    });
  });
});

describe('checkInTurn', () => {
  const limited = customer({ creditLimitMinor: 1000 });

  it('lets each approval use up room, so a later order may stay held while a smaller one after it fits', () => {
    const verdicts = checkInTurn(limited, nothingOwed, [order(600), order(600), order(300), order(200)]);
    expect(verdicts.map((verdict) => (verdict.approved ? 'approved' : verdict.reason))).toEqual([
      'approved',
      'CREDIT_LIMIT_EXCEEDED',
      'approved',
      'CREDIT_LIMIT_EXCEEDED',
    ]);
    expect(verdicts[3]).toMatchObject({ detail: expect.stringContaining('open orders 900 + this order 200') });
  });

  it('starts from what is already owed', () => {
    const verdicts = checkInTurn(limited, { unpaidInvoicesMinor: 500n, openOrdersMinor: 400n }, [order(100), order(1)]);
    expect(verdicts.map((verdict) => verdict.approved)).toEqual([true, false]);
  });

  it('gives every order the same answer for an unknown customer or a hold', () => {
    expect(checkInTurn(null, nothingOwed, [order(1), order(2)]).map((verdict) => !verdict.approved && verdict.reason)).toEqual([
      'UNKNOWN_CUSTOMER',
      'UNKNOWN_CUSTOMER',
    ]);
    expect(checkInTurn(customer({ onHold: true }), nothingOwed, [order(1)])).toEqual([expect.objectContaining({ reason: 'ACCOUNT_HOLD' })]);
  });

  it('approves everything without a limit', () => {
    expect(checkInTurn(customer(), nothingOwed, [order(10 ** 9), order(10 ** 9)]).every((verdict) => verdict.approved)).toBe(true);
  });
});

describe('checkRaisedOrder', () => {
  const limited = customer({ creditLimitMinor: 10_000 });
  // The raised order is one of the open orders, still at its old value of 2000.
  const owing: Exposure = { unpaidInvoicesMinor: 4000n, openOrdersMinor: 5000n };
  const raised = (from: number, to: number, rest: Partial<OrderUnderCheck> = {}) => ({ ...order(to, rest), previousValueMinor: BigInt(from) });

  it('passes a raise up to the limit exactly, counting the order at its new value instead of its old one', () => {
    expect(checkRaisedOrder(limited, owing, raised(2000, 3000))).toEqual({ approved: true });
  });

  it('refuses a raise beyond it, naming the other open orders and the new value', () => {
    expect(checkRaisedOrder(limited, owing, raised(2000, 3001))).toEqual({
      approved: false,
      reason: 'CREDIT_LIMIT_EXCEEDED',
      detail: 'unpaid invoices 4000 + open orders 3000 + this order 3001 = 10001 EUR exceeds the credit limit of 10000 EUR (minor units)',
    });
  });

  it('runs the checks placing runs: unknown customer, then account hold', () => {
    expect(checkRaisedOrder(null, nothingOwed, raised(1, 2))).toMatchObject({ reason: 'UNKNOWN_CUSTOMER' });
    expect(checkRaisedOrder(customer({ onHold: true, creditLimitMinor: 10_000 }), owing, raised(2000, 2001))).toMatchObject({
      reason: 'ACCOUNT_HOLD',
    });
  });

  it('takes nothing out for an order in another currency, which open orders do not count', () => {
    expect(checkRaisedOrder(limited, owing, raised(2000, 3000, { currency: 'USD' }))).toMatchObject({
      reason: 'CREDIT_LIMIT_EXCEEDED',
      detail: expect.stringContaining('the order is in USD'),
    });
    expect(checkRaisedOrder(customer(), nothingOwed, raised(2000, 10 ** 9))).toEqual({ approved: true });
  });
});
