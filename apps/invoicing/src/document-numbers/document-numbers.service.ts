import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DocumentKind } from './document-number';
import { formatDocumentNumber } from './document-number';

/**
 * Gap-free numbering: the counter row is incremented inside the transaction that stores the
 * document, so a rollback takes the number back with it (a Postgres SEQUENCE would leave a gap).
 * The row lock also serialises numbering, so numbers follow the order documents are issued in.
 */
@Injectable()
export class DocumentNumbersService {
  async next(manager: EntityManager, kind: DocumentKind): Promise<string> {
    const [rows] = await manager.query(
      `UPDATE document_counters SET last_value = last_value + 1 WHERE kind = $1 RETURNING last_value`,
      [kind],
    );
    if (rows.length === 0) throw new Error(`No document counter for ${kind}: the migration seeds one per kind`);
    return formatDocumentNumber(kind, Number(rows[0].last_value));
  }
}
