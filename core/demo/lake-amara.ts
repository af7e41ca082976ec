/**
 * Lake Amara, Republic of Veloria: an invented city in an invented country, with plausible values
 * for about half of the U4SSC catalogue. Department and source names are the city's own data (as a
 * real city would type them), so they are not translated; the UI labels the whole assessment as a
 * demo through its `demo` flag.
 */
import type { FieldValue } from '../revisions/types.ts';
import type { DataOrigin, QualityLevel, ValueField, ValueStatus } from '../revisions/fields.ts';

export interface DemoCity {
  readonly name: string;
  readonly country: string;
  readonly population: number;
  readonly households: number;
  readonly areaKm2: number;
  readonly gdp: number;
  readonly currency: string;
}

export interface DemoValue {
  readonly kpiId: string;
  /** `_` (SINGLE_POINT) for single-value KPIs. */
  readonly pointId: string;
  readonly fields: Readonly<Partial<Record<ValueField, FieldValue>>>;
}

export const LAKE_AMARA_CITY: DemoCity = {
  name: 'Lake Amara',
  country: 'Republic of Veloria',
  population: 412_000,
  households: 158_500,
  areaKm2: 286.4,
  gdp: 9_800_000_000,
  currency: 'USD',
};

export const LAKE_AMARA_TITLE = 'Demo: Lake Amara (fictional)';
export const LAKE_AMARA_YEAR = 2025;

const DEPARTMENTS = {
  digital: 'Department of Digital Services',
  water: 'Lake Amara Water and Sanitation Authority',
  energy: 'Veloria Grid Company, Lake Amara district',
  transport: 'Urban Mobility Office',
  environment: 'Environment and Parks Department',
  planning: 'City Planning Office',
  economy: 'Economic Development Office',
  health: 'Municipal Health Directorate',
  education: 'Education Department',
  social: 'Social Affairs Department',
  safety: 'Public Safety and Emergency Services',
  statistics: 'City Statistics Unit',
} as const;

interface Provenance {
  readonly source: string;
  readonly origin: DataOrigin;
  readonly quality: QualityLevel;
  readonly department: string;
  readonly dataYear: number;
  readonly status?: ValueStatus;
}

function value(kpiId: string, pointId: string, provenance: Provenance, fields: DemoValue['fields']): DemoValue {
  const { status = 'reported', ...rest } = provenance;
  return { kpiId, pointId, fields: { ...fields, ...rest, status } };
}

const SINGLE = '_';
const HOUSEHOLD_SURVEY: Provenance = {
  source: 'Lake Amara Household Survey 2024 (n = 6 200 households)',
  origin: 'survey',
  quality: 'surveyExtrapolated',
  department: DEPARTMENTS.statistics,
  dataYear: 2024,
};
const TRAVEL_SURVEY: Provenance = {
  source: 'Lake Amara Travel Diary Survey 2023 (12 400 trips)',
  origin: 'survey',
  quality: 'surveyExtrapolated',
  department: DEPARTMENTS.transport,
  dataYear: 2023,
};
const WATER_REPORT: Provenance = {
  source: 'Water and Sanitation Authority annual report 2024',
  origin: 'utility',
  quality: 'measured',
  department: DEPARTMENTS.water,
  dataYear: 2024,
};
const GRID_REPORT: Provenance = {
  source: 'Veloria Grid Company reliability statistics 2024',
  origin: 'utility',
  quality: 'measured',
  department: DEPARTMENTS.energy,
  dataYear: 2024,
};
const AIR_NETWORK: Provenance = {
  source: 'City air-quality monitoring network, 4 stations, annual means 2024',
  origin: 'cityDepartment',
  quality: 'measured',
  department: DEPARTMENTS.environment,
  dataYear: 2024,
};
const NATIONAL_STATISTICS: Provenance = {
  source: 'Veloria National Statistics Office, regional tables 2024',
  origin: 'nationalStatistics',
  quality: 'higherLevelExtrapolated',
  department: DEPARTMENTS.statistics,
  dataYear: 2024,
};
const HEALTH_REGISTER: Provenance = {
  source: 'Municipal health register 2024',
  origin: 'cityDepartment',
  quality: 'measured',
  department: DEPARTMENTS.health,
  dataYear: 2024,
};
const SAFETY_RECORDS: Provenance = {
  source: 'Police and emergency services incident records 2024',
  origin: 'cityDepartment',
  quality: 'measured',
  department: DEPARTMENTS.safety,
  dataYear: 2024,
};
const WASTE_REPORT: Provenance = {
  source: 'Solid waste management plan, monitoring report 2024',
  origin: 'cityDepartment',
  quality: 'assumptionEstimate',
  department: DEPARTMENTS.environment,
  dataYear: 2024,
};
const ELECTION_RESULTS: Provenance = {
  source: 'Municipal election results 2023',
  origin: 'cityDepartment',
  quality: 'measured',
  department: DEPARTMENTS.social,
  dataYear: 2023,
};

export const LAKE_AMARA_VALUES: readonly DemoValue[] = [
  // Economy: ICT
  value('EC-ICT-ICT-1C', SINGLE, HOUSEHOLD_SURVEY, { numerator: 127_100 }),
  value('EC-ICT-ICT-2C', SINGLE, { ...HOUSEHOLD_SURVEY, source: 'National telecom regulator, fixed broadband by municipality, Q4 2024', origin: 'nationalStatistics', quality: 'measured' }, { numerator: 71_300 }),
  value('EC-ICT-ICT-3C', SINGLE, { source: 'National telecom regulator, active mobile broadband SIMs, Q4 2024', origin: 'nationalStatistics', quality: 'higherLevelExtrapolated', department: DEPARTMENTS.digital, dataYear: 2024 }, { numerator: 398_000 }),
  value('EC-ICT-ICT-4C', '3g', { source: 'Operators\u2019 coverage maps overlaid on the 2024 population grid', origin: 'privateCompany', quality: 'assumptionEstimate', department: DEPARTMENTS.digital, dataYear: 2024 }, { numerator: 409_100, denominator: 412_000 }),
  value('EC-ICT-ICT-4C', '4g', { source: 'Operators\u2019 coverage maps overlaid on the 2024 population grid', origin: 'privateCompany', quality: 'assumptionEstimate', department: DEPARTMENTS.digital, dataYear: 2024 }, { numerator: 371_200, denominator: 412_000 }),
  value('EC-ICT-ICT-5C', SINGLE, { source: 'Inventory of municipal Wi-Fi access points', origin: 'cityDepartment', quality: 'measured', department: DEPARTMENTS.digital, dataYear: 2024 }, { directValue: 214 }),
  value('EC-ICT-WS-1C', SINGLE, WATER_REPORT, { numerator: 38_400, denominator: 96_000, note: 'Roll-out of smart meters started in 2022.' }),
  value('EC-ICT-ES-1C', SINGLE, GRID_REPORT, { numerator: 112_500, denominator: 171_000 }),
  value('EC-ICT-T-1C', SINGLE, { source: 'Public transport operator asset register 2024', origin: 'privateCompany', quality: 'measured', department: DEPARTMENTS.transport, dataYear: 2024 }, { numerator: 310, denominator: 820 }),
  value('EC-ICT-PS-1A', 'publishedCount', { source: 'Open data portal catalogue export', origin: 'cityDepartment', quality: 'measured', department: DEPARTMENTS.digital, dataYear: 2025 }, { directValue: 146 }),
  value('EC-ICT-PS-1A', 'publishedShare', { source: 'Open data portal catalogue and data inventory', origin: 'cityDepartment', quality: 'personalEstimate', department: DEPARTMENTS.digital, dataYear: 2025, status: 'partial' }, { numerator: 146, denominator: 410, note: 'The data inventory covers 9 of 14 departments.' }),
  value('EC-ICT-PS-2A', SINGLE, { source: 'Citizen services portal, list of online services', origin: 'cityDepartment', quality: 'measured', department: DEPARTMENTS.digital, dataYear: 2025 }, { directValue: 58 }),
  // Economy: productivity
  value('EC-P-IN-1C', SINGLE, { ...NATIONAL_STATISTICS, source: 'Regional R&D survey 2023', dataYear: 2023, department: DEPARTMENTS.economy }, { numerator: 127_400_000, denominator: 9_800_000_000 }),
  value('EC-P-IN-2C', SINGLE, { source: 'National patent office, grants by applicant address 2024', origin: 'nationalStatistics', quality: 'measured', department: DEPARTMENTS.economy, dataYear: 2024 }, { numerator: 53 }),
  value('EC-P-EM-1C', SINGLE, { ...NATIONAL_STATISTICS, source: 'Labour force survey 2024, Lake Amara region' }, { directValue: 6.8, note: 'Published rate used as is; the survey microdata are not available to the city.' }),
  value('EC-P-EM-2C', SINGLE, { ...NATIONAL_STATISTICS, source: 'Labour force survey 2024, Lake Amara region' }, { numerator: 7_480, denominator: 41_200 }),
  // Economy: infrastructure
  value('EC-I-WS-1C', SINGLE, WATER_REPORT, { numerator: 154_100 }),
  value('EC-I-WS-2C', SINGLE, WATER_REPORT, { numerator: 149_800 }),
  value('EC-I-WS-3C', SINGLE, WATER_REPORT, { numerator: 9_100_000, denominator: 34_600_000, note: 'Cubic metres per year.' }),
  value('EC-I-WS-4C', SINGLE, WATER_REPORT, { numerator: 118_900 }),
  value('EC-I-WS-5C', SINGLE, HOUSEHOLD_SURVEY, { numerator: 150_600 }),
  value('EC-I-WA-1C', SINGLE, WASTE_REPORT, { numerator: 145_800 }),
  value('EC-I-ES-1C', SINGLE, GRID_REPORT, { numerator: 307_800, denominator: 171_000 }),
  value('EC-I-ES-2C', SINGLE, GRID_REPORT, { numerator: 478_800, denominator: 171_000 }),
  value('EC-I-ES-3C', SINGLE, GRID_REPORT, { numerator: 157_400 }),
  value('EC-I-T-1C', SINGLE, { source: 'Public transport operator network map 2024', origin: 'privateCompany', quality: 'measured', department: DEPARTMENTS.transport, dataYear: 2024 }, { numerator: 538 }),
  value('EC-I-T-3C', SINGLE, { source: 'Cycle lane inventory (GIS)', origin: 'cityDepartment', quality: 'measured', department: DEPARTMENTS.transport, dataYear: 2024 }, { numerator: 96 }),
  value('EC-I-T-4A', 'privateVehicle', TRAVEL_SURVEY, { numerator: 5_084, denominator: 12_400 }),
  value('EC-I-T-4A', 'publicTransport', TRAVEL_SURVEY, { numerator: 3_348, denominator: 12_400 }),
  value('EC-I-T-4A', 'walking', TRAVEL_SURVEY, { numerator: 2_728, denominator: 12_400 }),
  value('EC-I-T-4A', 'cycling', TRAVEL_SURVEY, { numerator: 868, denominator: 12_400 }),
  value('EC-I-T-4A', 'paraTransport', TRAVEL_SURVEY, { numerator: 372, denominator: 12_400 }),
  value('EC-I-T-5A', SINGLE, { source: 'No congestion data collected yet', origin: 'other', quality: 'unknown', department: DEPARTMENTS.transport, dataYear: 2024, status: 'notReported' }, { note: 'Floating car data to be procured in 2026.' }),
  value('EC-I-UP-2A', 'compact', { source: 'City Master Plan 2020\u20132040, chapter 3', origin: 'cityDepartment', quality: 'personalEstimate', department: DEPARTMENTS.planning, dataYear: 2025 }, { choice: 'yes' }),
  value('EC-I-UP-2A', 'connected', { source: 'City Master Plan 2020\u20132040, chapter 5', origin: 'cityDepartment', quality: 'personalEstimate', department: DEPARTMENTS.planning, dataYear: 2025 }, { choice: 'partial' }),
  value('EC-I-UP-2A', 'integrated', { source: 'City Master Plan 2020\u20132040, chapter 4', origin: 'cityDepartment', quality: 'personalEstimate', department: DEPARTMENTS.planning, dataYear: 2025 }, { choice: 'partial' }),
  value('EC-I-UP-2A', 'inclusive', { source: 'City Master Plan 2020\u20132040, chapter 6', origin: 'cityDepartment', quality: 'personalEstimate', department: DEPARTMENTS.planning, dataYear: 2025 }, { choice: 'no' }),
  value('EC-I-UP-2A', 'resilient', { source: 'City Master Plan 2020\u20132040, chapter 7', origin: 'cityDepartment', quality: 'personalEstimate', department: DEPARTMENTS.planning, dataYear: 2025 }, { choice: 'yes' }),
  // Environment
  value('EN-EN-AQ-1C', 'pm10', AIR_NETWORK, { directValue: 31.2 }),
  value('EN-EN-AQ-1C', 'pm25', AIR_NETWORK, { directValue: 14.6 }),
  value('EN-EN-AQ-1C', 'no2', AIR_NETWORK, { directValue: 24.8 }),
  value('EN-EN-AQ-1C', 'so2', AIR_NETWORK, { directValue: 6.1 }),
  value('EN-EN-AQ-1C', 'o3', AIR_NETWORK, { directValue: 52.3, note: 'Two of the four stations measure ozone.' }),
  value('EN-EN-AQ-2C', SINGLE, { source: 'City greenhouse gas inventory 2023 (GPC BASIC)', origin: 'academic', quality: 'assumptionEstimate', department: DEPARTMENTS.environment, dataYear: 2023 }, { numerator: 1_895_000 }),
  value('EN-EN-WS-2C', SINGLE, WATER_REPORT, { numerator: 55_620_000, note: 'Numerator in litres per day.' }),
  value('EN-EN-WS-4C', 'primary', WATER_REPORT, { numerator: 21_600_000, denominator: 30_000_000 }),
  value('EN-EN-WS-4C', 'secondary', WATER_REPORT, { numerator: 17_400_000, denominator: 30_000_000 }),
  value('EN-EN-WS-4C', 'tertiary', WATER_REPORT, { numerator: 3_600_000, denominator: 30_000_000 }),
  value('EN-EN-WA-1C', 'landfill', WASTE_REPORT, { numerator: 97_440, denominator: 168_000 }),
  value('EN-EN-WA-1C', 'burnt', WASTE_REPORT, { numerator: 3_360, denominator: 168_000 }),
  value('EN-EN-WA-1C', 'incinerated', WASTE_REPORT, { numerator: 15_120, denominator: 168_000 }),
  value('EN-EN-WA-1C', 'openDump', WASTE_REPORT, { numerator: 6_720, denominator: 168_000 }),
  value('EN-EN-WA-1C', 'recycled', WASTE_REPORT, { numerator: 36_960, denominator: 168_000 }),
  value('EN-EN-WA-1C', 'other', WASTE_REPORT, { numerator: 8_400, denominator: 168_000 }),
  value('EN-EN-PSN-1C', SINGLE, { source: 'Parks register (GIS), 2024', origin: 'cityDepartment', quality: 'measured', department: DEPARTMENTS.environment, dataYear: 2024 }, { numerator: 1_030 }),
  value('EN-E-E-1C', SINGLE, { ...GRID_REPORT, source: 'Regional energy balance 2023', dataYear: 2023, quality: 'higherLevelExtrapolated' }, { numerator: 412, denominator: 1_690, note: 'Gigawatt hours.' }),
  value('EN-E-E-2C', SINGLE, GRID_REPORT, { numerator: 1_690_000_000 }),
  // Society and culture
  value('SC-EH-ED-2C', SINGLE, { source: 'School census 2024/25', origin: 'cityDepartment', quality: 'measured', department: DEPARTMENTS.education, dataYear: 2024, status: 'reported' }, { numerator: 58_900, denominator: 57_300, note: 'Above 100 % because pupils from neighbouring towns attend city schools.' }),
  value('SC-EH-ED-3C', SINGLE, { ...NATIONAL_STATISTICS, source: 'Census 2021, updated with graduate registers', quality: 'assumptionEstimate', dataYear: 2023 }, { numerator: 68_400 }),
  value('SC-EH-ED-4C', SINGLE, { ...NATIONAL_STATISTICS, source: 'Census 2021 literacy module', dataYear: 2021 }, { numerator: 326_200, denominator: 335_000 }),
  value('SC-EH-H-1C', SINGLE, { ...NATIONAL_STATISTICS, source: 'Regional life tables 2022\u20132024' }, { directValue: 76.4 }),
  value('SC-EH-H-2C', SINGLE, HEALTH_REGISTER, { numerator: 4, denominator: 4_950 }),
  value('SC-EH-H-3C', SINGLE, HEALTH_REGISTER, { numerator: 1_030 }),
  value('SC-SH-SI-2C', SINGLE, { ...NATIONAL_STATISTICS, source: 'Household income and expenditure survey 2022', dataYear: 2022 }, { directValue: 0.38 }),
  value('SC-SH-SI-3C', SINGLE, { ...NATIONAL_STATISTICS, source: 'Household income and expenditure survey 2022', dataYear: 2022, status: 'partial' }, { numerator: 49_400, note: 'National poverty line; informal settlements under-covered.' }),
  value('SC-SH-SI-4C', SINGLE, ELECTION_RESULTS, { numerator: 187_300, denominator: 291_000 }),
  value('SC-SH-SA-3A', SINGLE, { source: 'Lake Amara Flood and Heat Resilience Plan 2022', origin: 'cityDepartment', quality: 'measured', department: DEPARTMENTS.safety, dataYear: 2022 }, { choice: 'yes' }),
  value('SC-SH-SA-5A', SINGLE, SAFETY_RECORDS, { directValue: 11.5 }),
  value('SC-SH-SA-8C', SINGLE, SAFETY_RECORDS, { numerator: 1_150 }),
  value('SC-SH-SA-9C', SINGLE, SAFETY_RECORDS, { numerator: 29 }),
];
