import { Reason } from '@tradeflow/platform';

export class ApproveOrderDto {
  @Reason({ example: 'credit raised by phone, confirmed by finance' })
  reason!: string;
}
