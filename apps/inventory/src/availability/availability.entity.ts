import { bigintAsNumber } from '@tradeflow/money';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AvailabilityFigure } from './availability-rules';

/** The last available-to-sell figure published for a sku (AvailabilityChanged), as GET /v1/availability answers it. */
@Entity('availability')
export class Availability {
  @PrimaryColumn()
  sku!: string;

  @Column({ name: 'available_to_sell', type: 'int' })
  availableToSell!: number;

  @Column({ name: 'on_hand', type: 'int' })
  onHand!: number;

  @Column({ type: 'int' })
  reserved!: number;

  @Column({ name: 'safety_stock', type: 'int' })
  safetyStock!: number;

  @Column({ type: 'jsonb' })
  warehouses!: AvailabilityFigure['warehouses'];

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  sequence!: number;

  /** aggregateVersion of the sku's last AvailabilityChanged. */
  @Column({ type: 'int' })
  revision!: number;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;
}

/** Units of a sku held back from the sales channels (PUT /v1/availability/{sku}/safety-stock). */
@Entity('safety_stocks')
export class SafetyStock {
  @PrimaryColumn()
  sku!: string;

  @Column({ type: 'int' })
  units!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
