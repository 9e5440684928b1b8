export { municipality } from "./app.ts";
export { municipalityRetention } from "./data/retention.ts";
export { seedMunicipality } from "./data/seed.ts";
