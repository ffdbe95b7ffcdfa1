/** The product master's rules (docs/design.md#product-master): what a valid record is, and what a change does. */

export const PRODUCT_STATUSES = ['ACTIVE', 'DISCONTINUED', 'BLOCKED'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export const TAX_CLASSES = ['STANDARD', 'REDUCED', 'ZERO'] as const;
export type TaxClass = (typeof TAX_CLASSES)[number];

/** A product as the ERP sends it and as inventory keeps it: the event's fields without `updatedAt`, plus why it left the assortment. */
export interface ProductRecord {
  sku: string;
  version: number;
  name: string;
  description: string | null;
  status: ProductStatus;
  unitOfMeasure: string;
  weightGrams: number | null;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
  taxClass: TaxClass;
  gtins: string[];
  excludedWarehouses: string[];
  /** Why it is DISCONTINUED or BLOCKED; null while ACTIVE. */
  reason: string | null;
}

export interface FieldError {
  field: string;
  message: string;
}

export type Validation = { valid: true; record: ProductRecord } | { valid: false; sku: string | null; errors: FieldError[] };

/** The same form as every other sku and warehouse code the services accept. */
export const CODE = /^[A-Za-z0-9._-]{1,64}$/;
const UNIT_OF_MEASURE = /^[A-Z0-9]{2,3}$/;
const GTIN = /^(\d{8}|\d{12}|\d{13}|\d{14})$/;
const MAX_NAME = 200;
const MAX_DESCRIPTION = 4000;
const MAX_REASON = 500;
const MAX_LIST = 50;
const MAX_MEASURE = 2_147_483_647;

const FIELDS = [
  'sku',
  'version',
  'name',
  'description',
  'status',
  'unitOfMeasure',
  'weightGrams',
  'lengthMm',
  'widthMm',
  'heightMm',
  'taxClass',
  'gtins',
  'excludedWarehouses',
  'reason',
] as const;

export const PRODUCT_FIELDS: readonly string[] = FIELDS;

/** GS1 check digit: from the right, digits weigh 3, 1, 3, … ; the sum with the check digit is a multiple of 10. */
export function hasValidCheckDigit(gtin: string): boolean {
  const digits = [...gtin].map(Number);
  const check = digits.pop() as number;
  const sum = digits.reverse().reduce((total, digit, index) => total + digit * (index % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === check;
}

const isInteger = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);

/**
 * Checks one record as sent (JSON, or a CSV row already split into fields) and fills the defaults:
 * status ACTIVE, description and measures null, lists empty. Every wrong field is named, not just the first.
 */
export function validateProduct(input: unknown): Validation {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { valid: false, sku: null, errors: [{ field: 'product', message: 'must be an object of product fields' }] };
  }
  const row = input as Record<string, unknown>;
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, message });

  for (const field of Object.keys(row)) {
    if (!PRODUCT_FIELDS.includes(field)) fail(field, `is not a product field (fields: ${PRODUCT_FIELDS.join(', ')})`);
  }

  const { sku, version, name } = row;
  if (typeof sku !== 'string' || !CODE.test(sku)) fail('sku', 'is required: 1-64 letters, digits, ".", "_" or "-"');
  if (!isInteger(version) || version < 0) fail('version', 'is required: a whole number, 0 or more, that rises with each change');
  if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_NAME) fail('name', `is required: 1-${MAX_NAME} characters`);

  const description = row.description ?? null;
  if (description !== null && (typeof description !== 'string' || description.length > MAX_DESCRIPTION)) {
    fail('description', `must be text of at most ${MAX_DESCRIPTION} characters, or null`);
  }
  const status = row.status ?? 'ACTIVE';
  if (!PRODUCT_STATUSES.includes(status as ProductStatus)) fail('status', `must be one of ${PRODUCT_STATUSES.join(', ')}`);
  const { unitOfMeasure, taxClass } = row;
  if (typeof unitOfMeasure !== 'string' || !UNIT_OF_MEASURE.test(unitOfMeasure)) {
    fail('unitOfMeasure', 'is required: a UN/ECE Recommendation 20 code such as C62 (piece), KGM, MTR or LTR');
  }
  if (!TAX_CLASSES.includes(taxClass as TaxClass)) fail('taxClass', `is required: one of ${TAX_CLASSES.join(', ')}`);

  const measures = (['weightGrams', 'lengthMm', 'widthMm', 'heightMm'] as const).map((field) => {
    const value = row[field] ?? null;
    if (value !== null && (!isInteger(value) || value < 0 || value > MAX_MEASURE)) fail(field, 'must be a whole number, 0 or more, or null');
    return value as number | null;
  });

  const gtins = list(row, 'gtins', fail, (gtin, field) => {
    if (!GTIN.test(gtin)) fail(field, 'must be a GTIN of 8, 12, 13 or 14 digits');
    else if (!hasValidCheckDigit(gtin)) fail(field, `has a wrong check digit (GTIN ${gtin})`);
  });
  const excludedWarehouses = list(row, 'excludedWarehouses', fail, (warehouse, field) => {
    if (!CODE.test(warehouse)) fail(field, 'must be a warehouse code: 1-64 letters, digits, ".", "_" or "-"');
  });

  const reason = row.reason ?? null;
  const leaving = status === 'DISCONTINUED' || status === 'BLOCKED';
  if (reason !== null && (typeof reason !== 'string' || reason.length > MAX_REASON)) fail('reason', `must be text of at most ${MAX_REASON} characters`);
  else if (leaving && (typeof reason !== 'string' || reason.trim() === '')) fail('reason', `is required when status is ${String(status)}: say why`);

  if (errors.length > 0) return { valid: false, sku: typeof sku === 'string' && sku !== '' ? sku : null, errors };
  const [weightGrams, lengthMm, widthMm, heightMm] = measures;
  return {
    valid: true,
    record: {
      sku: sku as string,
      version: version as number,
      name: name as string,
      description: description as string | null,
      status: status as ProductStatus,
      unitOfMeasure: unitOfMeasure as string,
      weightGrams,
      lengthMm,
      widthMm,
      heightMm,
      taxClass: taxClass as TaxClass,
      gtins,
      excludedWarehouses,
      // An ACTIVE product has no reason to be out of the assortment; one sent along is not kept.
      reason: leaving ? (reason as string) : null,
    },
  };
}

function list(row: Record<string, unknown>, field: 'gtins' | 'excludedWarehouses', fail: (field: string, message: string) => void, check: (item: string, field: string) => void): string[] {
  const value = row[field] ?? [];
  if (!Array.isArray(value) || value.length > MAX_LIST) {
    fail(field, `must be a list of at most ${MAX_LIST} texts`);
    return [];
  }
  value.forEach((item, index) => {
    if (typeof item === 'string') check(item, `${field}[${index}]`);
    else fail(`${field}[${index}]`, 'must be text');
  });
  return value as string[];
}

/** What one row of a load does. */
export type Decision =
  | { outcome: 'applied'; event: 'ProductUpserted' | 'ProductDiscontinued' }
  | { outcome: 'unchanged' }
  | { outcome: 'stale'; currentVersion: number }
  | { outcome: 'conflict'; error: FieldError };

const LEAVING: readonly ProductStatus[] = ['DISCONTINUED', 'BLOCKED'];

/**
 * What an incoming record does to the stored one: a higher version (or a new sku) is applied; an
 * older one is stale and changes nothing; the same version again is a repetition if it says the same
 * and refused if it does not — two different records under one version would leave the ERP and
 * every consumer unable to tell which is current.
 */
export function decide(stored: ProductRecord | undefined, incoming: ProductRecord): Decision {
  if (!stored || incoming.version > stored.version) {
    const discontinues = stored?.status === 'ACTIVE' && LEAVING.includes(incoming.status);
    return { outcome: 'applied', event: discontinues ? 'ProductDiscontinued' : 'ProductUpserted' };
  }
  if (incoming.version < stored.version) return { outcome: 'stale', currentVersion: stored.version };
  if (sameContent(stored, incoming)) return { outcome: 'unchanged' };
  return {
    outcome: 'conflict',
    error: { field: 'version', message: `version ${incoming.version} is already stored with different content: send a higher version to change the product` },
  };
}

function sameContent(a: ProductRecord, b: ProductRecord): boolean {
  return FIELDS.every((field) => JSON.stringify(a[field]) === JSON.stringify(b[field]));
}

/** One row of a load as received: its number (1-based position, or CSV line) and what it said. */
export interface LoadRow {
  row: number;
  input: unknown;
}

export interface LoadReport {
  applied: { sku: string; version: number }[];
  unchanged: { sku: string; version: number }[];
  stale: { sku: string; version: number; currentVersion: number }[];
  rejected: { row: number; sku: string | null; errors: FieldError[] }[];
}

export interface ProductChange {
  record: ProductRecord;
  event: 'ProductUpserted' | 'ProductDiscontinued';
}

export interface LoadPlan {
  report: LoadReport;
  /** Every applied row in row order: each publishes its event, so consumers see every version a sku went through. */
  changes: ProductChange[];
  /** What to store: the last applied record of each sku. */
  writes: ProductRecord[];
}

/**
 * Decides every row of a load against what is stored, row by row: a later row of the same sku is
 * compared with the earlier row's record once that was applied, as if they had come one by one.
 */
export function planLoad(rows: readonly LoadRow[], stored: ReadonlyMap<string, ProductRecord>): LoadPlan {
  const current = new Map(stored);
  const report: LoadReport = { applied: [], unchanged: [], stale: [], rejected: [] };
  const changes: ProductChange[] = [];
  for (const { row, input } of rows) {
    const checked = validateProduct(input);
    if (!checked.valid) {
      report.rejected.push({ row, sku: checked.sku, errors: checked.errors });
      continue;
    }
    const { record } = checked;
    const { sku, version } = record;
    const decision = decide(current.get(sku), record);
    if (decision.outcome === 'applied') {
      report.applied.push({ sku, version });
      changes.push({ record, event: decision.event });
      current.set(sku, record);
    } else if (decision.outcome === 'unchanged') report.unchanged.push({ sku, version });
    else if (decision.outcome === 'stale') report.stale.push({ sku, version, currentVersion: decision.currentVersion });
    else report.rejected.push({ row, sku, errors: [decision.error] });
  }
  const writes = new Map(changes.map(({ record }) => [record.sku, record]));
  return { report, changes, writes: [...writes.values()] };
}

/** The skus a load names, for locking and reading what is stored before planLoad decides. */
export function skusOf(rows: readonly LoadRow[]): string[] {
  const skus = rows.flatMap(({ input }) => {
    const sku = typeof input === 'object' && input !== null ? (input as Record<string, unknown>).sku : undefined;
    return typeof sku === 'string' && CODE.test(sku) ? [sku] : [];
  });
  return [...new Set(skus)];
}
