import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Two CRM ids sharing a normalised email or tax id; one row per pair, whichever came second named first. */
@Entity('customer_duplicates')
export class CustomerDuplicate {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'customer_id' })
  customerId!: string;

  @Column({ name: 'duplicate_of_customer_id' })
  duplicateOfCustomerId!: string;

  @Column({ name: 'matched_on', type: 'text' })
  matchedOn!: 'email' | 'taxId';

  @Column({ name: 'detected_at', type: 'timestamptz' })
  detectedAt!: Date;
}
