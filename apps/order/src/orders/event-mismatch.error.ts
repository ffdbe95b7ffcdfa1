/** An event names a line, shipment or invoice this order does not know: a bug somewhere, so it is refused (and dead-lettered). */
export class EventMismatchError extends Error {
  override name = 'EventMismatchError';
}
