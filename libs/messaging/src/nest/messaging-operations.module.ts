import { Module } from '@nestjs/common';
import { DeadLettersController } from './dead-letters.controller';
import { MessagingEventsController } from './messaging-events.controller';
import { MessagingStatusController } from './messaging-status.controller';

/**
 * The operations endpoints every service gets from serviceRuntimeModules: dead letters (list,
 * replay, dismiss), messaging status with consumer lag, and the events of one correlation. Their
 * providers come from the global MessagingModule.
 */
@Module({ controllers: [DeadLettersController, MessagingStatusController, MessagingEventsController] })
export class MessagingOperationsModule {}
