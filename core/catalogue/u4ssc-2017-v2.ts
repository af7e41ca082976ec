/**
 * Catalogue `u4ssc-2017-v2`: the same 91 KPIs as `u4ssc-2017`, with the corrections found in the official pages
 * applied on top. The first version stays registered unchanged, so assessments and bundles that name it keep
 * their meaning; core/catalogue/migrations.ts says how stored values move from one to the other.
 */
import { U4SSC_2017, U4SSC_2017_UNITS } from './u4ssc-2017.ts';
import type { Catalogue, KpiDefinition, KpiTypeTag } from './types.ts';

export const U4SSC_2017_V2_ID = 'u4ssc-2017-v2';

export interface KpiCorrection {
  readonly kpiId: string;
  readonly typeTag?: KpiTypeTag;
  /** A new unit id: values stored under the previous one are migrated (see migrations.ts). */
  readonly unit?: string;
  /** Where the official material says so (CM: Collection Methodology 2017, VM: Verification Manual 2022, VR: a verification report). */
  readonly source: string;
}

export const U4SSC_2017_V2_CORRECTIONS: readonly KpiCorrection[] = [
  { kpiId: 'EC-I-ES-1C', typeTag: 'structural', source: 'VM p75' },
  // CAIDI: customer interruption minutes divided by customer interruptions, not hours per customer and year.
  { kpiId: 'EC-I-ES-2C', typeTag: 'structural', unit: 'minutesPerInterruption', source: 'CM p55; VM p76' },
  { kpiId: 'EN-EN-AQ-2C', typeTag: 'sustainable', source: 'CM p75' },
  { kpiId: 'EN-EN-WS-3C', typeTag: 'sustainable', source: 'CM p79' },
  { kpiId: 'SC-EH-H-2C', typeTag: 'structural', source: 'CM p103' },
  { kpiId: 'SC-EH-H-3C', typeTag: 'structural', source: 'CM p104' },
  { kpiId: 'SC-SH-SI-1C', typeTag: 'structural', source: 'CM p113' },
  { kpiId: 'SC-SH-FS-1A', typeTag: 'sustainable', source: 'CM p130' },
  // Officers and firefighters are counted in full-time equivalents, not head counts.
  { kpiId: 'SC-SH-SA-6C', unit: 'ftePer100kInhabitants', source: 'Asker VR p22' },
  { kpiId: 'SC-SH-SA-7C', unit: 'ftePer100kInhabitants', source: 'Asker VR p22' },
];

function corrected(kpi: KpiDefinition): KpiDefinition {
  const correction = U4SSC_2017_V2_CORRECTIONS.find((candidate) => candidate.kpiId === kpi.id);
  if (!correction) return kpi;
  return {
    ...kpi,
    ...(correction.typeTag ? { typeTag: correction.typeTag } : {}),
    ...(correction.unit ? { unit: correction.unit } : {}),
  };
}

export const U4SSC_2017_V2_UNITS: readonly string[] = [
  ...U4SSC_2017_UNITS.filter((unit) => unit !== 'hoursPerCustomerYear'),
  'minutesPerInterruption',
  'ftePer100kInhabitants',
];

export const U4SSC_2017_V2: Catalogue = {
  ...U4SSC_2017,
  id: U4SSC_2017_V2_ID,
  kpis: U4SSC_2017.kpis.map(corrected),
};
