export { health } from "./app.ts";
export { seedHealth } from "./data/seed.ts";
