import { isFieldProblem, reportPeriod, revenueCsv, revenueRow } from './revenue-report';

describe('reportPeriod', () => {
  it('runs from 00:00 UTC of from to 00:00 UTC of the day after to', () => {
    expect(reportPeriod('2026-03-09', '2026-03-12')).toEqual({
      start: new Date('2026-03-09T00:00:00Z'),
      end: new Date('2026-03-13T00:00:00Z'),
    });
    expect(reportPeriod('2026-12-31', '2026-12-31')).toEqual({ start: new Date('2026-12-31T00:00:00Z'), end: new Date('2027-01-01T00:00:00Z') });
  });

  it('allows a leap year of 366 days, not one day more', () => {
    expect(isFieldProblem(reportPeriod('2028-01-01', '2028-12-31'))).toBe(false);
    expect(reportPeriod('2028-01-01', '2029-01-01')).toEqual({ field: 'to', message: expect.stringContaining('spans 367 days') });
  });

  it('names the field: a date that does not exist, or to before from', () => {
    expect(reportPeriod('2026-02-30', '2026-03-01')).toMatchObject({ field: 'from' });
    expect(reportPeriod('2026-03-01', '2026-13-01')).toMatchObject({ field: 'to' });
    expect(reportPeriod('2026-03-02', '2026-03-01')).toEqual({ field: 'to', message: 'to (2026-03-01) must not be before from (2026-03-02)' });
  });
});

const sums = { group: 'REV-A', currency: 'EUR', net: '1000', tax: '100', credited: '220', paid: '500', outstanding: '380' };

describe('revenueRow', () => {
  it('reads the sums exactly', () => {
    expect(revenueRow(sums)).toEqual({ group: 'REV-A', currency: 'EUR', netMinor: 1000, taxMinor: 100, creditedMinor: 220, paidMinor: 500, outstandingMinor: 380 });
  });

  it('refuses a sum a JSON number cannot hold exactly rather than round it', () => {
    expect(() => revenueRow({ ...sums, paid: '9007199254740993' })).toThrow('paid of REV-A EUR 9007199254740993');
  });
});

describe('revenueCsv', () => {
  const row = revenueRow(sums);

  it('has a header named after the grouping and CRLF line ends', () => {
    expect(revenueCsv('customer', [row])).toBe(
      'customer,currency,netMinor,taxMinor,creditedMinor,paidMinor,outstandingMinor\r\nREV-A,EUR,1000,100,220,500,380\r\n',
    );
    expect(revenueCsv('day', [])).toBe('day,currency,netMinor,taxMinor,creditedMinor,paidMinor,outstandingMinor\r\n');
  });

  it('quotes separators and quotes, leaves an unknown channel empty, and keeps a formula from running', () => {
    const lines = revenueCsv('channel', [
      { ...row, group: 'shop, "north"' },
      { ...row, group: null },
      { ...row, group: '=HYPERLINK("x")' },
    ]).split('\r\n');
    expect(lines.slice(1, 4).map((line) => line.split(',EUR,')[0])).toEqual(['"shop, ""north"""', '', `"'=HYPERLINK(""x"")"`]);
  });
});
