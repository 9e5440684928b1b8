export { boernehus } from "./app.ts";
export { scanBoernehusAlerts } from "./data/alertScan.ts";
export { boernehusRetention, closedCourses } from "./data/retention.ts";
export { seedBoernehus } from "./data/seed.ts";
