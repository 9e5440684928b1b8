// One zod for every service's schema.
export { z } from "zod";
export * from "./parse.ts";
export * as env from "./pieces.ts";
export * from "./tracing.ts";
