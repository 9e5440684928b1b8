export { health } from "./app.ts";
export { healthRetention } from "./data/retention.ts";
export { seedHealth } from "./data/seed.ts";
