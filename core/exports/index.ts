export type { ExportLabels, ExportValue } from './types.ts';
export { VALUES_CSV_COLUMNS, valuesToCsv } from './csv.ts';
export { SDMX_COLUMNS, SDMX_DATAFLOW, SDMX_NOT_APPLICABLE, sdmxId, valuesToSdmxCsv } from './sdmx-csv.ts';
export {
  DHIS2_DEFAULT_COMBO,
  Dhis2MappingError,
  defaultDataElementCode,
  defaultDhis2Mapping,
  dhis2DataValueSetSchema,
  dhis2MappingSchema,
  parseDhis2Mapping,
  valuesToDhis2,
  type Dhis2DataValueSet,
  type Dhis2Export,
  type Dhis2Mapping,
} from './dhis2.ts';
export { withVerification } from './verification.ts';
export { NOT_REPORTED_MARK, XLSX_COLUMNS, valuesToXlsx, type XlsxColumn, type XlsxOptions } from './xlsx.ts';
