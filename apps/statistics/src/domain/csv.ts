import { CSV_COLUMNS, type CsvColumn } from "@samraad/statistics-catalogue";
import type { IndicatorRow, IndicatorTable } from "./table.ts";

/**
 * CSV of a statistics table, for download: semicolon-separated with a decimal point (opens in
 * Danish spreadsheets and parses anywhere), one header line, '..' where a value is suppressed
 * and an empty field where it is not defined (caseload by category). A share withheld on its own
 * (its base published) is '..' too. Columns use the GraphQL field names, so a script can read
 * either; they, their decimals and what withholds them are declared in
 * packages/statistics-catalogue/src/indicators.ts (the web writes the headers in words from there).
 */
type Column = readonly [keyof IndicatorRow, CsvColumn];
const COLUMNS = CSV_COLUMNS as ReadonlyArray<Column>;

function field(value: string): string {
  return /[";\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function cell(row: IndicatorRow, [name, column]: Column): string {
  const value = row[name];
  if (value === null || value === undefined) {
    const withheld =
      (column.indicator && row.suppressed.includes(column.indicator)) || (column.share && row.suppressedShares.includes(column.share));
    return withheld ? ".." : "";
  }
  if (typeof value === "number") return column.decimals === undefined ? String(value) : value.toFixed(column.decimals);
  return field(String(value));
}

export function tableCsv(table: IndicatorTable): string {
  const lines = [COLUMNS.map(([name]) => name).join(";"), ...table.rows.map((row) => COLUMNS.map((c) => cell(row, c)).join(";"))];
  return `${lines.join("\n")}\n`;
}
