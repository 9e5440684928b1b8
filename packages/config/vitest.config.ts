import { packageTestConfig } from "../../scripts/vitest.shared.ts";

export default packageTestConfig(import.meta.url);
