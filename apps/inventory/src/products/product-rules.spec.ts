import type { ProductRecord } from './product-rules';
import { decide, hasValidCheckDigit, planLoad, validateProduct } from './product-rules';

const mug = { sku: 'SKU-RED-MUG', version: 3, name: 'Red mug', unitOfMeasure: 'C62', taxClass: 'STANDARD' };

const stored = (changes: Partial<ProductRecord> = {}): ProductRecord => ({
  sku: 'SKU-RED-MUG',
  version: 3,
  name: 'Red mug',
  description: null,
  status: 'ACTIVE',
  unitOfMeasure: 'C62',
  weightGrams: null,
  lengthMm: null,
  widthMm: null,
  heightMm: null,
  taxClass: 'STANDARD',
  gtins: [],
  excludedWarehouses: [],
  reason: null,
  ...changes,
});

const errorsOf = (input: unknown) => {
  const result = validateProduct(input);
  return result.valid ? [] : result.errors;
};

describe('validateProduct', () => {
  it('fills the defaults of a minimal record: ACTIVE, no description, measures or reason, empty lists', () => {
    expect(validateProduct(mug)).toEqual({ valid: true, record: stored() });
  });

  it('keeps every field of a full record', () => {
    const full = {
      ...mug,
      description: 'Stoneware, 350 ml',
      status: 'BLOCKED',
      reason: 'Recall 2026-14',
      weightGrams: 420,
      lengthMm: 120,
      widthMm: 90,
      heightMm: 100,
      taxClass: 'REDUCED',
      gtins: ['4006381333931', '96385074'],
      excludedWarehouses: ['HAM'],
    };
    expect(validateProduct(full)).toEqual({ valid: true, record: { ...stored(), ...full } });
  });

  it('names every wrong field at once', () => {
    const result = validateProduct({ sku: 'a b', version: -1, name: '', status: 'GONE', unitOfMeasure: '', taxClass: 'HIGH', weightGrams: 1.5, heightMm: -2 });
    expect(result).toEqual({
      valid: false,
      sku: 'a b',
      errors: [
        { field: 'sku', message: 'is required: 1-64 letters, digits, ".", "_" or "-"' },
        { field: 'version', message: 'is required: a whole number, 0 or more, that rises with each change' },
        { field: 'name', message: 'is required: 1-200 characters' },
        { field: 'status', message: 'must be one of ACTIVE, DISCONTINUED, BLOCKED' },
        { field: 'unitOfMeasure', message: 'is required: a UN/ECE Recommendation 20 code such as C62 (piece), KGM, MTR or LTR' },
        { field: 'taxClass', message: 'is required: one of STANDARD, REDUCED, ZERO' },
        { field: 'weightGrams', message: 'must be a whole number, 0 or more, or null' },
        { field: 'heightMm', message: 'must be a whole number, 0 or more, or null' },
      ],
    });
  });

  it('refuses missing required fields, fields that are not part of a record, and a row that is not an object', () => {
    expect(errorsOf({}).map((error) => error.field)).toEqual(['sku', 'version', 'name', 'unitOfMeasure', 'taxClass']);
    expect(errorsOf({ ...mug, weight: 4 })).toEqual([{ field: 'weight', message: expect.stringContaining('is not a product field') }]);
    expect(validateProduct('SKU-RED-MUG')).toEqual({ valid: false, sku: null, errors: [{ field: 'product', message: 'must be an object of product fields' }] });
  });

  it('checks the GTIN check digit and the length, naming the entry', () => {
    expect(errorsOf({ ...mug, gtins: ['4006381333931', '4006381333932', '12345'] })).toEqual([
      { field: 'gtins[1]', message: 'has a wrong check digit (GTIN 4006381333932)' },
      { field: 'gtins[2]', message: 'must be a GTIN of 8, 12, 13 or 14 digits' },
    ]);
    expect(errorsOf({ ...mug, gtins: 'x' })).toEqual([{ field: 'gtins', message: 'must be a list of at most 50 texts' }]);
    expect(errorsOf({ ...mug, excludedWarehouses: ['HAM', 'no such'] })).toEqual([
      { field: 'excludedWarehouses[1]', message: 'must be a warehouse code: 1-64 letters, digits, ".", "_" or "-"' },
    ]);
  });

  it('requires a reason when a product is DISCONTINUED or BLOCKED, and keeps none while ACTIVE', () => {
    expect(errorsOf({ ...mug, status: 'DISCONTINUED' })).toEqual([{ field: 'reason', message: 'is required when status is DISCONTINUED: say why' }]);
    expect(errorsOf({ ...mug, status: 'BLOCKED', reason: '  ' })).toEqual([{ field: 'reason', message: 'is required when status is BLOCKED: say why' }]);
    expect(validateProduct({ ...mug, reason: 'not needed' })).toEqual({ valid: true, record: stored() });
  });
});

describe('hasValidCheckDigit', () => {
  it('accepts GTIN-8, -12, -13 and -14 with their GS1 check digit', () => {
    expect(['96385074', '036000291452', '4006381333931', '10012345678902'].map(hasValidCheckDigit)).toEqual([true, true, true, true]);
    expect(['96385075', '036000291453', '4006381333930', '10012345678903'].map(hasValidCheckDigit)).toEqual([false, false, false, false]);
  });
});

describe('decide', () => {
  it('applies a new sku and a higher version as ProductUpserted', () => {
    expect(decide(undefined, stored({ status: 'DISCONTINUED', reason: 'never sold' }))).toEqual({ outcome: 'applied', event: 'ProductUpserted' });
    expect(decide(stored(), stored({ version: 4, name: 'Mug' }))).toEqual({ outcome: 'applied', event: 'ProductUpserted' });
  });

  it('publishes ProductDiscontinued only when an ACTIVE product becomes DISCONTINUED or BLOCKED', () => {
    expect(decide(stored(), stored({ version: 4, status: 'BLOCKED', reason: 'recall' }))).toEqual({ outcome: 'applied', event: 'ProductDiscontinued' });
    expect(decide(stored(), stored({ version: 4, status: 'DISCONTINUED', reason: 'end' }))).toEqual({ outcome: 'applied', event: 'ProductDiscontinued' });
    const blocked = stored({ status: 'BLOCKED', reason: 'recall' });
    expect(decide(blocked, stored({ version: 4, status: 'DISCONTINUED', reason: 'end' }))).toEqual({ outcome: 'applied', event: 'ProductUpserted' });
    expect(decide(blocked, stored({ version: 4 }))).toEqual({ outcome: 'applied', event: 'ProductUpserted' });
  });

  it('ignores an older version as stale, and the same version as unchanged when it says the same', () => {
    expect(decide(stored({ version: 5 }), stored({ version: 4, name: 'Old' }))).toEqual({ outcome: 'stale', currentVersion: 5 });
    expect(decide(stored(), stored())).toEqual({ outcome: 'unchanged' });
  });

  it('refuses the same version with different content', () => {
    expect(decide(stored(), stored({ gtins: ['96385074'] }))).toEqual({
      outcome: 'conflict',
      error: { field: 'version', message: 'version 3 is already stored with different content: send a higher version to change the product' },
    });
  });
});

describe('planLoad', () => {
  it('reports each row and stores the last applied record of each sku, with one change per applied row', () => {
    const rows = [
      { row: 1, input: { ...mug, version: 4 } },
      { row: 2, input: { ...mug, sku: 'TEA', taxClass: 'NONE' } },
      { row: 3, input: { ...mug, version: 5, status: 'DISCONTINUED', reason: 'end of line' } },
      { row: 4, input: { ...mug, version: 2 } },
      { row: 5, input: { ...mug, sku: 'CUP', version: 1 } },
      { row: 6, input: { ...mug, sku: 'CUP', version: 1, name: 'Cup' } },
      { row: 7, input: { ...mug, sku: 'BOWL', version: 1 } },
    ];
    const plan = planLoad(rows, new Map([['SKU-RED-MUG', stored()], ['BOWL', stored({ sku: 'BOWL', version: 1 })]]));
    expect(plan.report).toEqual({
      applied: [
        { sku: 'SKU-RED-MUG', version: 4 },
        { sku: 'SKU-RED-MUG', version: 5 },
        { sku: 'CUP', version: 1 },
      ],
      unchanged: [{ sku: 'BOWL', version: 1 }],
      stale: [{ sku: 'SKU-RED-MUG', version: 2, currentVersion: 5 }],
      rejected: [
        { row: 2, sku: 'TEA', errors: [{ field: 'taxClass', message: 'is required: one of STANDARD, REDUCED, ZERO' }] },
        { row: 6, sku: 'CUP', errors: [expect.objectContaining({ field: 'version' })] },
      ],
    });
    expect(plan.changes.map(({ record, event }) => [record.sku, record.version, event])).toEqual([
      ['SKU-RED-MUG', 4, 'ProductUpserted'],
      ['SKU-RED-MUG', 5, 'ProductDiscontinued'],
      ['CUP', 1, 'ProductUpserted'],
    ]);
    expect(plan.writes.map(({ sku, version, status }) => [sku, version, status])).toEqual([
      ['SKU-RED-MUG', 5, 'DISCONTINUED'],
      ['CUP', 1, 'ACTIVE'],
    ]);
  });
});
