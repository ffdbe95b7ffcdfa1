import 'reflect-metadata';
import { runService } from '@tradeflow/messaging';
import { CrmSyncSettings } from './crm-sync-settings';
import { crmSyncService } from './crm-sync-service';

runService(crmSyncService, CrmSyncSettings);
