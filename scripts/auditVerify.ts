/**
 * npm run audit:verify: walks the audit log's hash chain in each subgraph's own database
 * (PGlite under .data/, or <SUBGRAPH>_DATABASE_URL) and reports the first entry that was
 * edited, removed or inserted. Exits 1 when any chain is broken. Stop `npm run dev`
 * first when using PGlite (one process at a time may open an embedded database).
 */
import { AuditLog } from "@samraad/audit";
import { openDatabase } from "@samraad/db";
import { SUBGRAPHS } from "@samraad/gateway";

let broken = false;
for (const { name } of SUBGRAPHS) {
  const migrationsDir = new URL(`../apps/${name}/prisma/migrations`, import.meta.url).pathname;
  const database = await openDatabase({ name, migrationsDir });
  const log = new AuditLog(database.url);
  try {
    const result = await log.verify();
    if (result.ok) console.log(`${name.padEnd(13)} ok      ${result.entries} entries, head ${result.head.slice(0, 16)}…`);
    else {
      broken = true;
      console.log(`${name.padEnd(13)} BROKEN  at entry ${result.brokenAt} of ${result.entries}: ${result.reason}`);
    }
  } finally {
    await log.close();
    await database.close();
  }
}
process.exit(broken ? 1 : 0);
