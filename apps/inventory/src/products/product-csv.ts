import type { InfoRecord } from 'csv-parse/sync';
import { CsvError, parse } from 'csv-parse/sync';
import type { LoadReport, LoadRow } from './product-rules';
import { PRODUCT_FIELDS } from './product-rules';

const REQUIRED_COLUMNS = ['sku', 'version', 'name', 'unitOfMeasure', 'taxClass'];
const WHOLE_NUMBERS = new Set(['version', 'weightGrams', 'lengthMm', 'widthMm', 'heightMm']);
const LISTS = new Set(['gtins', 'excludedWarehouses']);
const WHOLE_NUMBER = /^-?\d+$/;

/** The file cannot be read as a product table at all (no header, unknown columns, broken quoting): 400. */
export class UnreadableCsv extends Error {}

export interface CsvRows {
  /** Rows numbered by the line of the file they end on (the header is line 1). */
  rows: LoadRow[];
  /** Rows that are not a record (a different number of cells than the header): reported, not applied. */
  rejected: LoadReport['rejected'];
}

/**
 * Reads a product CSV: a header row of record field names, one product per row; `gtins` and
 * `excludedWarehouses` hold `|`-separated values; an empty cell is an absent field (its default).
 * Cells stay text unless they are whole numbers in a number column, so validation names what is wrong.
 */
export function rowsOfCsv(text: string): CsvRows {
  let parsed: { record: string[]; info: InfoRecord }[];
  try {
    // csv-parse's types do not follow `info: true`, which wraps each record with its line.
    parsed = parse(text, { info: true, relax_column_count: true, skip_empty_lines: true, bom: true, trim: true }) as unknown as typeof parsed;
  } catch (error) {
    if (error instanceof CsvError) throw new UnreadableCsv(`the CSV cannot be read: ${error.message}`);
    throw error;
  }
  const [header, ...body] = parsed;
  if (!header) throw new UnreadableCsv('the CSV is empty: its first row must name the columns');
  const columns = header.record;
  const unknown = columns.filter((column) => !PRODUCT_FIELDS.includes(column));
  if (unknown.length > 0) throw new UnreadableCsv(`unknown column ${unknown.join(', ')} (columns: ${PRODUCT_FIELDS.join(', ')})`);
  const twice = columns.filter((column, index) => columns.indexOf(column) !== index);
  if (twice.length > 0) throw new UnreadableCsv(`column ${twice.join(', ')} appears twice`);
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length > 0) throw new UnreadableCsv(`the header lacks the required column ${missing.join(', ')}`);

  const result: CsvRows = { rows: [], rejected: [] };
  for (const { record, info } of body) {
    if (record.length !== columns.length) {
      const sku = record[columns.indexOf('sku')] || null;
      const message = `has ${record.length} cells, the header ${columns.length}`;
      result.rejected.push({ row: info.lines, sku, errors: [{ field: 'line', message }] });
      continue;
    }
    const input: Record<string, unknown> = {};
    columns.forEach((column, index) => {
      const cell = record[index];
      if (cell === '') return;
      if (WHOLE_NUMBERS.has(column) && WHOLE_NUMBER.test(cell)) input[column] = Number(cell);
      else if (LISTS.has(column)) input[column] = cell.split('|').map((item) => item.trim());
      else input[column] = cell;
    });
    result.rows.push({ row: info.lines, input });
  }
  return result;
}
