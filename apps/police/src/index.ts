export { police } from "./app.ts";
export { scanPoliceAlerts } from "./data/alertScan.ts";
export { policeRetention } from "./data/retention.ts";
export { seedPolice } from "./data/seed.ts";
