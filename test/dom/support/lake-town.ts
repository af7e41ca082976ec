import type { NewAssessment } from '../../../renderer/src/data/types.ts';

/** A small city and year for workshop tests. */
export const LAKE_TOWN: NewAssessment = {
  city: { name: 'Lake Town', country: 'KE', population: 100000, households: 30000, areaKm2: null, gdp: null, currency: 'KES' },
  year: 2026,
};
