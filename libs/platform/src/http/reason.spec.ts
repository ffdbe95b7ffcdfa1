import { READABLE } from './reason';

describe('READABLE (the rule of every reason a person gives)', () => {
  it.each(['paid by phone', ' x ', 'Zahlung über Bank', '✓'])('accepts %j', (text) => expect(READABLE.test(text)).toBe(true));

  it.each(['', ' ', '\r', '\t \n', '\u00a0\u3000', '\ufeff', 'ok\u0000', 'line\nbreak'])('refuses %j', (text) =>
    expect(READABLE.test(text)).toBe(false),
  );
});
