export { boernehus } from "./app.ts";
export { scanBoernehusAlerts } from "./data/alertScan.ts";
export { seedBoernehus } from "./data/seed.ts";
