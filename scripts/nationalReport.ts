/**
 * npm run national-report -- --year 2025 [--out reports]
 *
 * Writes the børnehuse's yearly national report (docs/indicators.md, "National report") from the
 * statistics service's database (PGlite under .data/, or STATISTICS_DATABASE_URL), as it stood at
 * its latest extraction: <out>/national-<year>.json (checked against
 * apps/statistics/national-report.schema.json) and <out>/national-<year>.csv. Stop `npm run dev`
 * first when using PGlite (one process at a time may open an embedded database).
 */
import { parseArgs } from "node:util";
import { withSubgraphClient } from "@samraad/db";
import { generateNationalReport, NoExtractionError, statistics, writeNationalReport } from "@samraad/statistics";

const { values } = parseArgs({ options: { year: { type: "string" }, out: { type: "string", default: "reports" } } });
const year = Number(values.year);
if (!values.year || !Number.isInteger(year)) {
  console.error("Usage: npm run national-report -- --year <YYYY> [--out <folder>]");
  process.exit(2);
}

try {
  const report = await withSubgraphClient(statistics, process.env, (client) => generateNationalReport(client, year));
  const paths = writeNationalReport(report, values.out ?? "reports");
  const withheld = report.cells.filter((c) => c.suppressed).length;
  console.log(
    `National report ${year} (schema ${report.schemaVersion}, facts as of ${report.asOf}, extraction ${report.extractionRun.id}): ` +
      `${report.cells.length} cells, ${withheld} withheld.`,
  );
  console.log(`Wrote ${paths.json}`);
  console.log(`Wrote ${paths.csv}`);
} catch (error) {
  if (!(error instanceof NoExtractionError) && !(error instanceof Error && error.message.startsWith("year "))) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
