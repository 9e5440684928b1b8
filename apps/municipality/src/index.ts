export { municipality } from "./app.ts";
export { seedMunicipality } from "./data/seed.ts";
