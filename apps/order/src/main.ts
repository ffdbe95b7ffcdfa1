import 'reflect-metadata';
import { runService } from '@tradeflow/messaging';
import { OrderSettings } from './order-settings';
import { orderService } from './order-service';

runService(orderService, OrderSettings);
