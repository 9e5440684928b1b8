export { municipality } from "./app.ts";
export { type MunicipalityConfig, municipalityEnvironment } from "./config.ts";
export { scanMunicipalityAlerts } from "./data/alertScan.ts";
export { type FollowUpSettings, followUpFactSources, gatewayCourseStatuses, gatewayFollowUpFacts } from "./data/followUpFacts.ts";
export { municipalityRetention } from "./data/retention.ts";
export { seedMunicipality } from "./data/seed.ts";
