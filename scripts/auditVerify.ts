/**
 * npm run audit:verify: walks the audit log's hash chain in each subgraph's own database
 * (PGlite under .data/, or <SUBGRAPH>_DATABASE_URL) and reports the first entry that was
 * edited, removed or inserted, and, against the last signed checkpoint published outside the
 * database (SAMRAAD_AUDIT_CHECKPOINT_DIR), a tail cut off. It only reads: no migration, no
 * write. Exits 1 when any chain is broken. Stop `npm run dev` first when using PGlite (one
 * process at a time may open an embedded database).
 *
 * The public key of each subgraph's checkpoints: <SUBGRAPH>_AUDIT_CHECKPOINT_PUBLIC_KEY (SPKI
 * PEM), else the key `npm run dev` keeps beside its data (.data/audit-keys/<subgraph>.pub.pem).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { AuditLog, CheckpointFolder, publicKeyFromPem } from "@samraad/audit";
import { databaseLocation, openDatabase, REPO_ROOT } from "@samraad/db";
import { SUBGRAPHS } from "@samraad/gateway";

const dataDir = process.env.SAMRAAD_DATA_DIR ?? join(REPO_ROOT, ".data");
const checkpointDir = process.env.SAMRAAD_AUDIT_CHECKPOINT_DIR;
const folder = checkpointDir ? new CheckpointFolder(checkpointDir) : null;
if (!folder) console.log("No SAMRAAD_AUDIT_CHECKPOINT_DIR: the chains are checked, but a tail cut off cannot be seen.");

function publicKeyOf(name: string) {
  const pem = process.env[`${name.toUpperCase()}_AUDIT_CHECKPOINT_PUBLIC_KEY`];
  if (pem) return publicKeyFromPem(pem);
  const file = join(dataDir, "audit-keys", `${name}.pub.pem`);
  return existsSync(file) ? publicKeyFromPem(readFileSync(file, "utf8")) : null;
}

let broken = false;
for (const { name } of SUBGRAPHS) {
  const migrationsDir = new URL(`../apps/${name}/prisma/migrations`, import.meta.url).pathname;
  const database = await openDatabase({ ...databaseLocation(name, process.env), name, migrationsDir, migrate: false });
  const log = new AuditLog(database.url);
  try {
    const checkpoint = folder?.latest(name) ?? null;
    const publicKey = checkpoint ? publicKeyOf(name) : null;
    if (checkpoint && !publicKey) {
      broken = true;
      console.log(`${name.padEnd(13)} UNKNOWN checkpoint at entry ${checkpoint.seq}, but no public key to check it with`);
      continue;
    }
    const result = await log.verify(checkpoint && publicKey ? { checkpoint, publicKey } : undefined);
    const anchored = checkpoint ? `, checkpoint at entry ${checkpoint.seq} (${checkpoint.at})` : ", no checkpoint";
    if (result.ok) console.log(`${name.padEnd(13)} ok      ${result.entries} entries, head ${result.head.slice(0, 16)}…${anchored}`);
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
