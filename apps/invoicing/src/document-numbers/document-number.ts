export type DocumentKind = 'invoice' | 'credit-note';

const PREFIXES: Record<DocumentKind, string> = { invoice: 'INV', 'credit-note': 'CN' };

/** INV-000001, CN-000042: the prefix of the kind and the sequence, at least six digits. */
export function formatDocumentNumber(kind: DocumentKind, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new RangeError(`document sequence must be a positive integer, got ${sequence}`);
  }
  return `${PREFIXES[kind]}-${String(sequence).padStart(6, '0')}`;
}
