export { police } from "./app.ts";
export { seedPolice } from "./data/seed.ts";
