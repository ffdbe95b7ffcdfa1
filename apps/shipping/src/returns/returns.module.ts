import { Module } from '@nestjs/common';
import { ReturnEventsHandler } from './return-events.handler';
import { ReturnsController } from './returns.controller';
import { ReturnsService } from './returns.service';

@Module({
  controllers: [ReturnEventsHandler, ReturnsController],
  providers: [ReturnsService],
})
export class ReturnsModule {}
