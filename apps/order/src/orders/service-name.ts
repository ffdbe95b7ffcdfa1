import type { ServiceName } from '@tradeflow/events';

export const SERVICE_NAME: ServiceName = 'order';
