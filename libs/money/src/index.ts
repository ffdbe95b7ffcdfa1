export { bigintAsNumber } from './bigint-column';
export { grossOf, lineAmounts } from './line-amounts';
export type { LineAmounts, PricedQuantity } from './line-amounts';
export { exactAmount, exactInteger, MAX_EXACT_MINOR } from './minor-units';
export { divideRoundingHalfUp, taxOf } from './tax';
