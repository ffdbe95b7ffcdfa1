import { Module } from '@nestjs/common';
import { DocumentNumbersService } from './document-numbers.service';

@Module({
  providers: [DocumentNumbersService],
  exports: [DocumentNumbersService],
})
export class DocumentNumbersModule {}
