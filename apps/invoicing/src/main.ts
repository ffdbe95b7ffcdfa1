import 'reflect-metadata';
import { runService } from '@tradeflow/messaging';
import { InvoicingSettings } from './invoicing-settings';
import { invoicingService } from './invoicing-service';

runService(invoicingService, InvoicingSettings);
