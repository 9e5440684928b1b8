export { statistics } from "./app.ts";
export { seedStatistics } from "./data/seed.ts";
export { extractStatistics } from "./extract/extract.ts";
export { tokenSource } from "./extract/gatewayClient.ts";
