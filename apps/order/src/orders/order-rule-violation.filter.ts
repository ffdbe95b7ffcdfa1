import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import { Catch, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { OrderRuleViolation } from './order-rule-violation';

/** Answers a refused order, amendment, cancellation or return like Nest's own 409/422, with the reason and its details. */
@Catch(OrderRuleViolation)
export class OrderRuleViolationFilter implements ExceptionFilter {
  catch(violation: OrderRuleViolation, host: ArgumentsHost): void {
    const conflict = violation.kind === 'conflict';
    const statusCode = conflict ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY;
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(statusCode)
      .json({ statusCode, message: violation.message, error: conflict ? 'Conflict' : 'Unprocessable Entity', ...violation.details });
  }
}
