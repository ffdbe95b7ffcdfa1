import { Reason } from '@tradeflow/platform';

export class ReleaseReservationsDto {
  @Reason({ example: 'order does not exist in the order service (reconcile orphan-effect)' })
  reason!: string;
}
