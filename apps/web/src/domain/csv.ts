import { csvHeader } from "@samraad/statistics-catalogue";
import type { Language } from "../i18n/messages.ts";

/** A cell of the statistics service's CSV: a decimal number written with a point. */
const DECIMAL = /^-?\d+\.\d+$/;

function cells(line: string): string[] {
  // The service quotes a cell (RFC 4180) only when it holds ; " or a line break.
  const out: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ";") {
      out.push(cell);
      cell = "";
    } else cell += c;
  }
  out.push(cell);
  return out;
}

const quote = (cell: string) => (/[;"\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/**
 * The statistics CSV the way a spreadsheet in the person's language reads it: a byte order
 * mark (so Excel reads UTF-8: æ, ø, å), `;` between cells, headers in words, and in Danish a
 * decimal comma. The service's CSV has camelCase headers and decimal points.
 */
export function spreadsheetCsv(csv: string, language: Language): string {
  const lines = csv
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l !== "");
  const [header, ...rows] = lines;
  if (header === undefined) return "\uFEFF";
  // The headers in words come with the columns' declaration (packages/statistics-catalogue).
  const headers = cells(header).map((name) => csvHeader(name, language));
  const body = rows.map((line) =>
    cells(line)
      .map((cell) => (language === "da" && DECIMAL.test(cell) ? cell.replace(".", ",") : cell))
      .map(quote)
      .join(";"),
  );
  return `\uFEFF${[headers.map(quote).join(";"), ...body].join("\r\n")}\r\n`;
}
