import { Module } from '@nestjs/common';
import { DeadLettersController } from './dead-letters.controller';
import { MessagingStatusController } from './messaging-status.controller';

/**
 * The operations endpoints every service gets from serviceRuntimeModules: dead letters (list,
 * replay) and messaging status. Their providers come from the global MessagingModule.
 */
@Module({ controllers: [DeadLettersController, MessagingStatusController] })
export class MessagingOperationsModule {}
