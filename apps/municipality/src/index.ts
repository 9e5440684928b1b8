export { municipality } from "./app.ts";
export { scanMunicipalityAlerts } from "./data/alertScan.ts";
export { followUpFactsFromEnv, gatewayCourseStatuses, gatewayFollowUpFacts } from "./data/followUpFacts.ts";
export { municipalityRetention } from "./data/retention.ts";
export { seedMunicipality } from "./data/seed.ts";
