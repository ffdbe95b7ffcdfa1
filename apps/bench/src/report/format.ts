/** A markdown table; it reads well in a terminal too. Cells that look numeric are right-aligned. */
export function table(headers: string[], rows: string[][]): string {
  const numeric = headers.map((_, column) => rows.length > 0 && rows.every((row) => /^[-+]?[\d.,]+[ a-zA-Z×/%]*$|^–$/.test(row[column])));
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => row[column].length), 3));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => (numeric[column] ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join(' | ')} |`;
  const rule = `|${widths.map((width, column) => (numeric[column] ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2))).join('|')}|`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

/** Whole numbers with thousands separators; NaN (not measured) as a dash. */
export function count(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '–';
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US');
}

/** Operations per second in thousands. */
export function kops(value: number): string {
  return Number.isFinite(value) ? `${(value / 1000).toFixed(value < 100_000 ? 1 : 0)}k` : '–';
}

export function ratio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : '–';
}

export function verdict(holds: boolean): string {
  return holds ? 'met' : 'NOT met';
}
