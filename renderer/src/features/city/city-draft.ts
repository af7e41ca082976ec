import type { CityView } from '../../data/types.ts';

/** The editable part of a city profile, as the create form and the profile screen hold it. */
export type CityDraft = Omit<CityView, 'id'>;
export type CityDraftField = keyof CityDraft;

export const EMPTY_CITY: CityDraft = {
  name: '',
  country: '',
  population: null,
  households: null,
  areaKm2: null,
  gdp: null,
  currency: '',
  region: '',
};

/** A validation message for one field, already translated. */
export interface FieldMessage {
  readonly field: CityDraftField | 'year';
  readonly severity: 'error' | 'warning';
  readonly text: string;
}
