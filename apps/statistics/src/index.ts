export { statistics } from "./app.ts";
export { type StatisticsConfig, statisticsEnvironment } from "./config.ts";
export { seedStatistics } from "./data/seed.ts";
export { type NationalReport, nationalReportCsv } from "./domain/nationalReport.ts";
export { extractStatistics } from "./extract/extract.ts";
export { tokenSource } from "./extract/gatewayClient.ts";
export { EXTRACTION_JOB } from "./extract/schedule.ts";
export {
  generateNationalReport,
  NoExtractionError,
  nationalReportErrors,
  nationalReportSchema,
  writeNationalReport,
} from "./report/nationalReport.ts";
