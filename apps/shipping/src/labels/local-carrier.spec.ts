import type { LabelRequest } from './carrier';
import { CarrierRefusedError } from './carrier';
import { LocalCarrier } from './local-carrier';

const request: LabelRequest = {
  shipmentId: '3f1c2a9e-0000-4000-8000-000000000001',
  orderId: '3f1c2a9e-0000-4000-8000-000000000002',
  warehouse: 'BER',
  lines: [{ lineNo: 1, sku: 'MUG', quantity: 1 }],
  shippingAddress: null,
  parcel: { weightGrams: 350, dimensions: { lengthMm: 120, widthMm: 90, heightMm: 100 } },
};

describe('LocalCarrier', () => {
  it('makes a label with a unique tracking number when it does not fail', async () => {
    const carrier = new LocalCarrier(0);
    const first = await carrier.createLabel(request);
    const second = await carrier.createLabel(request);
    expect(first.carrier).toBe('local');
    expect(first.labelNumber).toMatch(/^LBL-3F1C2A9E-/);
    expect(first.trackingNumber).toMatch(/^LC[0-9A-F]{16}$/);
    expect(second.trackingNumber).not.toBe(first.trackingNumber);
  });

  it('labels the parcel it was asked for, also one whose weight and box are not known', async () => {
    const carrier = new LocalCarrier(0);
    expect((await carrier.createLabel(request)).parcel).toEqual(request.parcel);
    const unknown = { weightGrams: null, dimensions: null };
    expect((await carrier.createLabel({ ...request, parcel: unknown })).parcel).toEqual(unknown);
  });

  it('refuses every request at rate 1 and the configured share in between', async () => {
    await expect(new LocalCarrier(1).createLabel(request)).rejects.toThrow(CarrierRefusedError);
    await expect(new LocalCarrier(0.3, () => 0.29).createLabel(request)).rejects.toThrow('LOCAL_CARRIER_FAILURE_RATE=0.3');
    await expect(new LocalCarrier(0.3, () => 0.3).createLabel(request)).resolves.toHaveProperty('carrier', 'local');
  });
});
