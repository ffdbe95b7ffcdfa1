import { applyDecorators, Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { VerifiedSignature } from '@tradeflow/platform';
import { Allow, SignedBy, SIGNATURE_HEADER, TIMESTAMP_HEADER, VerifiedWebhook } from '@tradeflow/platform';
import { PaymentView, RecordPaymentDto } from './dto/payment.dto';
import { PaymentsService } from './payments.service';

/** What both routes answer: they book a payment the same way. */
function PaymentResponses() {
  return applyDecorators(
    HttpCode(201),
    ApiCreatedResponse({ type: PaymentView, description: 'Booked, or the first answer for a repeated paymentRef' }),
    ApiBadRequestResponse({ description: 'Invalid body, e.g. an amount that is not positive; the message names the field' }),
    ApiNotFoundResponse({ description: 'No invoice with this invoiceId' }),
    ApiConflictResponse({ description: 'paymentRef reused with a different body' }),
    ApiUnprocessableEntityResponse({ description: "currency is not the invoice's currency" }),
  );
}

@ApiTags('payments')
@Controller('v1/payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Post()
  @Allow(['finance'], { action: 'record-payment' })
  @ApiOperation({ summary: 'A person books a payment by hand (audited) → PaymentReceived, InvoicePaid once paid' })
  @PaymentResponses()
  record(@Body() payment: RecordPaymentDto): Promise<PaymentView> {
    return this.payments.record(payment);
  }

  @Post('webhooks/provider')
  @SignedBy('payment-provider')
  @ApiOperation({ summary: 'The payment provider reports a payment (signed); booked like a manual payment' })
  @ApiHeader({ name: TIMESTAMP_HEADER, required: true, description: 'Unix seconds when signed; within the tolerance (300 s by default)' })
  @ApiHeader({ name: SIGNATURE_HEADER, required: true, description: 'sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">' })
  @PaymentResponses()
  receiveFromProvider(@Body() payment: RecordPaymentDto, @VerifiedWebhook() proof: VerifiedSignature): Promise<PaymentView> {
    return this.payments.record(payment, proof);
  }
}
