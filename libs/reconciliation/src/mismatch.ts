/** Where a mismatch is: every id an operator needs to find the rows. */
export interface MismatchIds {
  service?: string;
  orderId?: string;
  lineNo?: number;
  sku?: string;
  warehouse?: string;
  invoice?: string;
  creditNote?: string;
  shipmentId?: string;
  deadLetter?: string;
  customer?: string;
}

/** One broken invariant: `check` names it (stable, for grep), `detail` says what differs. */
export interface Mismatch {
  check: string;
  ids: MismatchIds;
  detail: string;
}

const LABELS: [keyof MismatchIds, string][] = [
  ['service', 'service'],
  ['orderId', 'order'],
  ['lineNo', 'line'],
  ['sku', 'sku'],
  ['warehouse', 'warehouse'],
  ['invoice', 'invoice'],
  ['creditNote', 'credit-note'],
  ['shipmentId', 'shipment'],
  ['deadLetter', 'dead-letter'],
  ['customer', 'customer'],
];

/** `MISMATCH <check> order=… line=… sku=…: <detail>`, one line. */
export function formatMismatch(mismatch: Mismatch): string {
  const ids = LABELS.filter(([key]) => mismatch.ids[key] !== undefined).map(([key, label]) => `${label}=${mismatch.ids[key]}`);
  return `MISMATCH ${[mismatch.check, ...ids].join(' ')}: ${mismatch.detail.replace(/\s*\n\s*/g, ' ')}`;
}
