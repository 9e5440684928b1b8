export { boernehus } from "./app.ts";
export { seedBoernehus } from "./data/seed.ts";
