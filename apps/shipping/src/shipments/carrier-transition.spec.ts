import { carrierTransition } from './carrier-transition';

describe('carrierTransition', () => {
  it('delivers, counts a failed attempt or sets the exception of a dispatched shipment', () => {
    expect(carrierTransition('DISPATCHED', 'DELIVERED')).toEqual({ kind: 'DELIVER' });
    expect(carrierTransition('DISPATCHED', 'FAILED_ATTEMPT')).toEqual({ kind: 'COUNT_ATTEMPT' });
    expect(carrierTransition('DISPATCHED', 'RETURNED_TO_SENDER')).toEqual({ kind: 'EXCEPTION', status: 'RETURNED_TO_SENDER' });
    expect(carrierTransition('DISPATCHED', 'LOST')).toEqual({ kind: 'EXCEPTION', status: 'LOST' });
    expect(carrierTransition('DISPATCHED', 'DAMAGED')).toEqual({ kind: 'EXCEPTION', status: 'DAMAGED' });
  });

  it('changes nothing on IN_TRANSIT, whatever the shipment status, or on the status the shipment already has', () => {
    for (const status of ['LABELLED', 'DISPATCHED', 'DELIVERED', 'LOST', 'CANCELLED'] as const) {
      expect(carrierTransition(status, 'IN_TRANSIT')).toEqual({ kind: 'UNCHANGED' });
    }
    for (const status of ['DELIVERED', 'RETURNED_TO_SENDER', 'LOST', 'DAMAGED'] as const) {
      expect(carrierTransition(status, status)).toEqual({ kind: 'UNCHANGED' });
    }
  });

  it('refuses anything but IN_TRANSIT before dispatch', () => {
    for (const status of ['LABEL_PENDING', 'LABELLED', 'LABEL_FAILED', 'CANCELLED'] as const) {
      for (const reported of ['DELIVERED', 'FAILED_ATTEMPT', 'RETURNED_TO_SENDER', 'LOST', 'DAMAGED'] as const) {
        expect(carrierTransition(status, reported)).toEqual({ kind: 'REFUSE', reason: expect.stringContaining(`is ${status}, not dispatched`) });
      }
    }
    expect(carrierTransition('LABELLED', 'DELIVERED')).toEqual({ kind: 'REFUSE', reason: 'is LABELLED, not dispatched: it cannot be delivered' });
  });

  it('lets a lost parcel turn up delivered, returned or damaged, and a damaged one come back', () => {
    expect(carrierTransition('LOST', 'DELIVERED')).toEqual({ kind: 'DELIVER' });
    expect(carrierTransition('LOST', 'RETURNED_TO_SENDER')).toEqual({ kind: 'EXCEPTION', status: 'RETURNED_TO_SENDER' });
    expect(carrierTransition('LOST', 'DAMAGED')).toEqual({ kind: 'EXCEPTION', status: 'DAMAGED' });
    expect(carrierTransition('DAMAGED', 'RETURNED_TO_SENDER')).toEqual({ kind: 'EXCEPTION', status: 'RETURNED_TO_SENDER' });
  });

  it('keeps DELIVERED and RETURNED_TO_SENDER final, and takes no delivery attempt for a lost or damaged parcel', () => {
    expect(carrierTransition('DELIVERED', 'LOST')).toEqual({ kind: 'REFUSE', reason: 'is already DELIVERED: it cannot be reported LOST' });
    expect(carrierTransition('DELIVERED', 'FAILED_ATTEMPT')).toMatchObject({ kind: 'REFUSE' });
    for (const reported of ['DELIVERED', 'FAILED_ATTEMPT', 'LOST', 'DAMAGED'] as const) {
      expect(carrierTransition('RETURNED_TO_SENDER', reported)).toMatchObject({ kind: 'REFUSE' });
    }
    expect(carrierTransition('LOST', 'FAILED_ATTEMPT')).toMatchObject({ kind: 'REFUSE' });
    expect(carrierTransition('DAMAGED', 'DELIVERED')).toEqual({ kind: 'REFUSE', reason: 'is already DAMAGED: it cannot be delivered' });
  });
});
