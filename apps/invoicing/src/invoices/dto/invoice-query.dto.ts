import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { DocumentQueryDto } from './document-query.dto';

/** The customer id rule of the order and CRM services: invoices carry the id the order was placed with. */
const CUSTOMER_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The document query plus a customer filter on the paged listing (the console's customer page). */
export class InvoiceQueryDto extends DocumentQueryDto {
  @ApiPropertyOptional({
    pattern: CUSTOMER_ID.source,
    description: 'Without orderId: only invoices issued to this customer id, paged like the rest. Ids merged in the CRM are not followed',
  })
  @IsOptional()
  @Matches(CUSTOMER_ID, { message: 'customerId must be 1-64 letters, digits, ".", "_" or "-"' })
  customerId?: string;
}
