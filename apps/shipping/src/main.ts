import 'reflect-metadata';
import { runService } from '@tradeflow/messaging';
import { ShippingSettings } from './shipping-settings';
import { shippingService } from './shipping-service';

runService(shippingService, ShippingSettings);
