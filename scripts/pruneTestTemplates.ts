import { pruneTestTemplates, TEST_TEMPLATE_DIR } from "@samraad/db";

/**
 * vitest's globalSetup (vitest.config.ts): before the workers start, the PGlite test templates
 * no recent run used go (packages/db/src/testDatabase.ts, pruneTestTemplates, says which).
 */
export function setup(): void {
  const removed = pruneTestTemplates();
  if (removed.length > 0) console.log(`Removed ${removed.length} test database templates no recent run used (${TEST_TEMPLATE_DIR}).`);
}
