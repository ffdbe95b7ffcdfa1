import { Reason } from '@tradeflow/platform';

export class CancelOrderDto {
  @Reason({ example: 'customer changed their mind' })
  reason!: string;
}
