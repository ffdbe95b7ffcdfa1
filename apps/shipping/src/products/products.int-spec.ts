import { eventually } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import type { ShipmentView } from '../shipments/dto/shipment-view.dto';
import { ShippingUnderTest, upstream } from '../testing/shipping-under-test';

const labelled = (shipments: ShipmentView[]) => shipments.length === 1 && shipments[0].status === 'LABELLED';

describe('the parcel a label is asked for, from the product master (real Kafka, registry, Postgres)', () => {
  const shipping = new ShippingUnderTest();

  beforeAll(() => shipping.start());
  afterAll(() => shipping.stop());

  it('asks the carrier to label the weight Σ quantity × unit weight and the box of the largest item', async () => {
    const [mug, tea] = [`MUG-${randomUUID()}`, `TEA-${randomUUID()}`];
    const products = [
      upstream.productUpserted(mug, 1, { weightGrams: 350, lengthMm: 120, widthMm: 90, heightMm: 100 }),
      upstream.productUpserted(tea, 1, { weightGrams: 125, lengthMm: 160, widthMm: 60, heightMm: 60 }),
    ];
    await shipping.publish(...products);
    await shipping.applied(...products);

    const orderId = randomUUID();
    await shipping.publish(
      upstream.placed(orderId, [
        [1, mug, 3],
        [2, tea, 2],
      ]),
      upstream.reserved(orderId, [
        [1, mug, 'BER', 3],
        [2, tea, 'BER', 2],
      ]),
    );
    const [shipment] = await eventually(() => shipping.shipmentsOf(orderId), labelled);
    // 3 × 350 + 2 × 125 = 1300 g; the mug (1 080 000 mm³) is larger than the tea (576 000 mm³).
    expect(shipment.parcel).toEqual({ weightGrams: 1300, dimensions: { lengthMm: 120, widthMm: 90, heightMm: 100 } });
    expect((await shipping.call<ShipmentView>('GET', `/v1/shipments/${shipment.id}`)).body.parcel).toEqual(shipment.parcel);
  });

  it('keeps the newest version of a product: an older one changes nothing, a discontinued one still ships', async () => {
    const vase = `VASE-${randomUUID()}`;
    const versions = [
      upstream.productUpserted(vase, 2, { weightGrams: 900, lengthMm: 300, widthMm: 200, heightMm: 200 }),
      upstream.productDiscontinued(vase, 3, { weightGrams: 950, lengthMm: 310, widthMm: 210, heightMm: 210 }),
      upstream.productUpserted(vase, 1, { weightGrams: 1, lengthMm: 1, widthMm: 1, heightMm: 1 }),
    ];
    await shipping.publish(...versions);
    await shipping.applied(...versions);

    const orderId = randomUUID();
    await shipping.publish(upstream.placed(orderId, [[1, vase, 2]]), upstream.reserved(orderId, [[1, vase, 'HAM', 2]]));
    const [shipment] = await eventually(() => shipping.shipmentsOf(orderId), labelled);
    expect(shipment.parcel).toEqual({ weightGrams: 1900, dimensions: { lengthMm: 310, widthMm: 210, heightMm: 210 } });
  });

  it('labels a parcel whose weight is not known for one line with the weight null rather than a wrong one', async () => {
    const [mug, sample] = [`MUG-${randomUUID()}`, `SAMPLE-${randomUUID()}`];
    const products = [
      upstream.productUpserted(mug, 1, { weightGrams: 350, lengthMm: 120, widthMm: 90, heightMm: 100 }),
      upstream.productUpserted(sample, 1, { weightGrams: null, lengthMm: 50, widthMm: 50, heightMm: 50 }),
    ];
    await shipping.publish(...products);
    await shipping.applied(...products);
    const unknown = `UNKNOWN-${randomUUID()}`;

    const [withSample, withUnknown] = [randomUUID(), randomUUID()];
    await shipping.publish(
      upstream.placed(withSample, [
        [1, mug, 1],
        [2, sample, 1],
      ]),
      upstream.reserved(withSample, [
        [1, mug, 'BER', 1],
        [2, sample, 'BER', 1],
      ]),
      upstream.placed(withUnknown, [
        [1, mug, 1],
        [2, unknown, 1],
      ]),
      upstream.reserved(withUnknown, [
        [1, mug, 'BER', 1],
        [2, unknown, 'BER', 1],
      ]),
    );
    const [sampled] = await eventually(() => shipping.shipmentsOf(withSample), labelled);
    expect(sampled.parcel).toEqual({ weightGrams: null, dimensions: { lengthMm: 120, widthMm: 90, heightMm: 100 } });
    const [unheardOf] = await eventually(() => shipping.shipmentsOf(withUnknown), labelled);
    expect(unheardOf.parcel).toEqual({ weightGrams: null, dimensions: null });
  });
});
