/**
 * The floor: what one subgraph's part of a case view costs with nothing but node:http and
 * pg (no GraphQL, no Prisma, no token checks, no DataLoaders). The bench records the SQL each
 * subgraph sends PostgreSQL for a few case views through the gateway (PostgreSQL's statement
 * log: the same statements with the same parameters, the audit append included) and starts
 * one floor process per subgraph on that subgraph's database. A request `POST /case/<n>` runs
 * case view n's statements for this database, in order on one connection, and answers with
 * the rows as JSON. The bench divides each subgraph's CPU per case view by its floor's.
 *
 * Two statements cannot be sent again as logged: the audit append (its rows carry the chain's
 * next seq and hash) goes through the audit log's own appender (@samraad/audit, the same
 * statement, linked to the current head), and the replay guard's INSERT gets a fresh token id.
 *
 * Env: FLOOR_DATABASE_URL, FLOOR_PORT, FLOOR_STATEMENTS (a JSON file: Statement[][], one list
 * per recorded case view).
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import { type AuditEntry, AuditLog, auditEntryFromRow } from "@samraad/audit";
import pg from "pg";

export interface Statement {
  text: string;
  /** The parameters as PostgreSQL logged them (text form; null for NULL). */
  values: Array<string | null>;
}

/**
 * The statements of one database in PostgreSQL's log (log_statement = 'all', log_line_prefix
 * '%m [%p] %d '): "execute <name>: <sql>" or "statement: <sql>", each followed by its
 * "DETAIL:  parameters: $1 = '...', ..." line when it has any.
 */
export function statementsOf(log: string, database: string): Statement[] {
  const statements: Statement[] = [];
  const entries = log.split(/\n(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)/);
  for (const entry of entries) {
    const head = /^\S+ \S+ \S+ \[\d+\] (\S*) (LOG|DETAIL):\s+([\s\S]*)$/.exec(entry);
    if (!head || head[1] !== database) continue;
    const [, , kind, rest = ""] = head;
    if (kind === "LOG") {
      const sql = /^(?:execute [^:]*|statement): ([\s\S]*)$/.exec(rest);
      if (sql?.[1]) statements.push({ text: sql[1].trim(), values: [] });
    } else if (rest.startsWith("parameters:") && statements.length > 0) {
      const values: Array<string | null> = [];
      for (const m of rest.matchAll(/\$\d+ = (NULL|'((?:[^']|'')*)')/g))
        values.push(m[1] === "NULL" ? null : (m[2] ?? "").replace(/''/g, "'"));
      (statements.at(-1) as Statement).values = values;
    }
  }
  return statements;
}

if (process.env.FLOOR_STATEMENTS) {
  const views = JSON.parse(readFileSync(process.env.FLOOR_STATEMENTS, "utf8")) as Statement[][];
  const url = process.env.FLOOR_DATABASE_URL;
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const audit = new AuditLog(url as string);
  const auditEntries = (json: string | null): AuditEntry[] =>
    (JSON.parse(json ?? "[]") as Array<Record<string, unknown>>).map((r) => ({
      ...auditEntryFromRow(r),
      at: new Date(),
      requestId: randomUUID(),
    }));
  const server = http.createServer((req, res) => {
    const n = Number(req.url?.split("/").at(-1) ?? 0);
    const statements = views[n % views.length] ?? [];
    req.resume();
    req.on("end", async () => {
      const client = await pool.connect();
      try {
        const rows: unknown[][] = [];
        for (const s of statements) {
          if (s.text.includes("samraad_meta.audit_log")) {
            if (s.text.startsWith("INSERT")) await Promise.all(auditEntries(s.values[0] ?? null).map((e) => audit.append(e)));
            continue; // the head read is the appender's own
          }
          const values = s.text.includes("internal_token_use (jti") ? [randomUUID(), ...s.values.slice(1)] : s.values;
          rows.push((await client.query(s.text, values)).rows);
        }
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ data: rows }));
      } catch (error) {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ errors: [{ message: String(error) }] }));
      } finally {
        client.release();
      }
    });
  });
  server.listen(Number(process.env.FLOOR_PORT), "127.0.0.1", () => console.log(`floor ready (${views.length} case views)`));
}
