import { crmHoldChange, decideUpdate, findDuplicates, normaliseEmail, normaliseTaxId } from './customer-rules';

describe('normalisation', () => {
  it('trims and lower-cases emails; blank is none', () => {
    expect(normaliseEmail('  Ada.Lovelace@Example.COM ')).toBe('ada.lovelace@example.com');
    expect(normaliseEmail('   ')).toBeNull();
    expect(normaliseEmail(null)).toBeNull();
  });

  it('upper-cases tax ids and strips spaces and punctuation', () => {
    expect(normaliseTaxId('de 123.456-789')).toBe('DE123456789');
    expect(normaliseTaxId('GB/123 4567 89')).toBe('GB123456789');
    expect(normaliseTaxId(' - . ')).toBeNull();
    expect(normaliseTaxId(undefined)).toBeNull();
  });
});

describe('decideUpdate', () => {
  it('applies the first and every newer update', () => {
    expect(decideUpdate(null, 1000)).toBe('apply');
    expect(decideUpdate(1000, 1001)).toBe('apply');
  });

  it('ignores an older update as stale and the same one as a repeat', () => {
    expect(decideUpdate(1000, 999)).toBe('stale');
    expect(decideUpdate(1000, 1000)).toBe('repeat');
  });
});

describe('findDuplicates', () => {
  const ada = { customerId: 'C-2', emailNormalised: 'ada@example.com', taxIdNormalised: 'DE1' };

  it('matches on email or tax id, email first, never on itself', () => {
    const others = [
      { customerId: 'C-3', emailNormalised: null, taxIdNormalised: 'DE1' },
      { customerId: 'C-1', emailNormalised: 'ada@example.com', taxIdNormalised: 'DE1' },
      { customerId: 'C-2', emailNormalised: 'ada@example.com', taxIdNormalised: 'DE1' },
      { customerId: 'C-4', emailNormalised: 'bob@example.com', taxIdNormalised: 'DE2' },
    ];
    expect(findDuplicates(ada, others)).toEqual([
      { customerId: 'C-1', matchedOn: 'email' },
      { customerId: 'C-3', matchedOn: 'taxId' },
    ]);
  });

  it('never matches on a missing email or tax id', () => {
    const bare = { customerId: 'C-5', emailNormalised: null, taxIdNormalised: null };
    expect(findDuplicates(bare, [{ customerId: 'C-6', emailNormalised: null, taxIdNormalised: null }])).toEqual([]);
  });
});

describe('crmHoldChange', () => {
  const free = { onHold: false, source: null };
  const heldByCrm = { onHold: true, source: 'crm' as const };
  const heldByApi = { onHold: true, source: 'api' as const };

  it('places a hold when the CRM puts the account on hold, including a new customer', () => {
    expect(crmHoldChange('ACTIVE', 'ON_HOLD', free)).toBe('place');
    expect(crmHoldChange(null, 'ON_HOLD', free)).toBe('place');
    expect(crmHoldChange('ACTIVE', 'ON_HOLD', heldByApi)).toBe('none');
  });

  it('releases only a hold the CRM placed, when the CRM makes the account active again', () => {
    expect(crmHoldChange('ON_HOLD', 'ACTIVE', heldByCrm)).toBe('release');
    expect(crmHoldChange('ON_HOLD', 'ACTIVE', heldByApi)).toBe('none');
    expect(crmHoldChange('ON_HOLD', 'ACTIVE', free)).toBe('none');
  });

  it('does nothing while the CRM status stays the same', () => {
    expect(crmHoldChange('ON_HOLD', 'ON_HOLD', free)).toBe('none');
    expect(crmHoldChange('ACTIVE', 'ACTIVE', heldByCrm)).toBe('none');
    expect(crmHoldChange(null, 'ACTIVE', free)).toBe('none');
  });
});
