import { BadRequestException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** `%00`–`%1F` and `%7F` percent-encoded in a path: no id of ours contains them, and Postgres refuses NUL. */
const ENCODED_CONTROL = /%(?:[01][0-9a-f]|7f)/i;

/** Refuses (400) a path carrying a control character, before a route parameter can reach a query. */
export function refuseControlCharactersInPath(request: Request, _response: Response, next: NextFunction): void {
  const path = request.originalUrl.split('?')[0];
  next(ENCODED_CONTROL.test(path) ? new BadRequestException('the path contains a control character') : undefined);
}
