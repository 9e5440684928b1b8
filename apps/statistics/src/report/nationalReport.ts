import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { Context } from "../context.ts";
import type { Breakdown } from "../domain/indicators.ts";
import { buildNationalReport, type NationalReport, nationalReportCsv, REPORT_BREAKDOWNS } from "../domain/nationalReport.ts";
import { MIN_CHILDREN } from "../domain/suppression.ts";
import { buildTable, type IndicatorTable } from "../domain/table.ts";
import { loadTableInputs } from "../resolvers/statisticsTable.ts";

export const NATIONAL_REPORT_SCHEMA_PATH = new URL("../../national-report.schema.json", import.meta.url);

/** The JSON Schema every report is checked against before it is written. */
export function nationalReportSchema(): object {
  return JSON.parse(readFileSync(NATIONAL_REPORT_SCHEMA_PATH, "utf8"));
}

let validator: ReturnType<Ajv2020["compile"]> | undefined;
/** Schema errors of a report (empty when it is valid). */
export function nationalReportErrors(report: unknown): string[] {
  validator ??= new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(nationalReportSchema());
  if (validator(report)) return [];
  return (validator.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`);
}

export class NoExtractionError extends Error {
  constructor() {
    super("The statistics service has no extraction yet: run the extraction (npm run dev runs it every 15 minutes) first.");
  }
}

/**
 * The year's national report from the statistics database: the latest extraction's facts, the
 * tables of every level for each breakdown the report needs (every unit: the report is the
 * national authority's), checked against the schema.
 */
export async function generateNationalReport(db: Context["db"], year: number): Promise<NationalReport> {
  const run = await db.extractionRun.findFirst({ orderBy: { finishedAt: "desc" } });
  if (!run) throw new NoExtractionError();
  const tables = new Map<Breakdown, IndicatorTable[]>();
  for (const breakdown of REPORT_BREAKDOWNS) {
    const inputs = await loadTableInputs(db, year, breakdown);
    const levels = ["NATIONAL", "BOERNEHUS", "MUNICIPALITY"] as const;
    tables.set(
      breakdown,
      levels.map((level) => buildTable({ ...inputs, level, visible: () => true })),
    );
  }
  const report = buildNationalReport({
    year,
    minChildren: MIN_CHILDREN,
    extractionRun: {
      id: run.id,
      startedAt: run.startedAt.toISOString(),
      finishedAt: run.finishedAt.toISOString(),
      asOf: run.asOf.toISOString().slice(0, 10),
      courses: run.courses,
    },
    tables,
  });
  const errors = nationalReportErrors(report);
  if (errors.length > 0) throw new Error(`The national report does not match its schema: ${errors.join("; ")}`);
  return report;
}

/** Writes national-<year>.json and .csv into the folder; returns their paths. */
export function writeNationalReport(report: NationalReport, outDir: string): { json: string; csv: string } {
  const dir = resolve(outDir);
  mkdirSync(dir, { recursive: true });
  const json = join(dir, `national-${report.year}.json`);
  const csv = join(dir, `national-${report.year}.csv`);
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(csv, nationalReportCsv(report));
  return { json, csv };
}
