import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { PaymentView, RecordPaymentDto } from './dto/payment.dto';
import { PaymentsService } from './payments.service';

@ApiTags('payments')
@Controller('v1/payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: PaymentView, description: 'Booked, or the first answer for a repeated paymentRef' })
  @ApiBadRequestResponse({ description: 'Invalid body, e.g. an amount that is not positive; the message names the field' })
  @ApiNotFoundResponse({ description: 'No invoice with this invoiceId' })
  @ApiConflictResponse({ description: 'paymentRef reused with a different body' })
  @ApiUnprocessableEntityResponse({ description: "currency is not the invoice's currency" })
  record(@Body() payment: RecordPaymentDto): Promise<PaymentView> {
    return this.payments.record(payment);
  }
}
