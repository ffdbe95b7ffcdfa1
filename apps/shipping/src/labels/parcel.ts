import type { ShipmentLine } from '../shipments/shipment-planning';

/** What one unit of a product weighs and measures, as the product master says; null: not known. */
export interface ProductMeasures {
  weightGrams: number | null;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
}

export interface Dimensions {
  lengthMm: number;
  widthMm: number;
  heightMm: number;
}

/** The parcel a label is asked for; null: not known for some line's product. */
export interface Parcel {
  weightGrams: number | null;
  dimensions: Dimensions | null;
}

function dimensionsOf(product: ProductMeasures | undefined): Dimensions | null {
  if (!product || product.lengthMm === null || product.widthMm === null || product.heightMm === null) return null;
  return { lengthMm: product.lengthMm, widthMm: product.widthMm, heightMm: product.heightMm };
}

const volume = ({ lengthMm, widthMm, heightMm }: Dimensions) => lengthMm * widthMm * heightMm;

/**
 * docs/design.md#shipping: the parcel of a shipment's lines. Its weight is Σ quantity × unit
 * weight. Its dimensions are the box of its largest item by volume (the first line's on a tie):
 * shipping does not pack, so this is the least the parcel measures, and a carrier that prices by
 * size gets a lower bound rather than a guess. A line whose product, or the product's weight or
 * dimensions, shipping does not know makes that figure null: unknown rather than wrong.
 */
export function parcelOf(lines: readonly ShipmentLine[], products: ReadonlyMap<string, ProductMeasures>): Parcel {
  let weightGrams: number | null = 0;
  let dimensions: Dimensions | null = null;
  let dimensionsKnown = lines.length > 0;
  for (const line of lines) {
    const product = products.get(line.sku);
    const unitWeight = product?.weightGrams ?? null;
    weightGrams = weightGrams === null || unitWeight === null ? null : weightGrams + line.quantity * unitWeight;
    const box = dimensionsOf(product);
    if (box === null) dimensionsKnown = false;
    else if (dimensions === null || volume(box) > volume(dimensions)) dimensions = box;
  }
  return { weightGrams, dimensions: dimensionsKnown ? dimensions : null };
}
