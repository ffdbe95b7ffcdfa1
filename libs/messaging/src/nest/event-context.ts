import { BaseRpcContext } from '@nestjs/microservices';
import type { ConsumedEvent, RecordSource } from '../consumer/consumed-event';
import type { UnitOfWork } from '../outbox/unit-of-work';

/** What an `@EventPattern` handler gets with `@Ctx()`: the transaction to work in and the record's origin. */
export class EventContext extends BaseRpcContext<[ConsumedEvent, UnitOfWork]> {
  get unitOfWork(): UnitOfWork {
    return this.args[1];
  }

  get source(): RecordSource {
    return this.args[0].source;
  }
}
