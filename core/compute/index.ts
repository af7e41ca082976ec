export { computePointValue, denominatorFor, numericValue, type ComputedValue, type Denominators } from './compute-value.ts';
export { isFilled, numberField, type PointFields } from './field-readers.ts';
