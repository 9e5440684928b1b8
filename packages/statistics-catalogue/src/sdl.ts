import { COURSE_KEY, FACT_SECTORS, type FactColumn, type FactSector, factQueryField, NESTED_FACTS, sectorColumns } from "./facts.ts";
import { FIGURE_COLUMNS, INDICATORS, ROW_KEY_COLUMNS, SHARE_NAMES, SHARES } from "./indicators.ts";

/**
 * The SDL that follows from the declarations, rendered at `npm run generate` into the subgraph's
 * src/generated/shared.graphql (packages/subgraph-kit/src/sharedSchema.ts): each sector's
 * statistics facts (here), the statistics service's table row and its enumerations (indicatorSdl).
 */

const EXTRACT = `@requiresScopes(scopes: [["statistics:extract"]])`;

/** What differs between the sectors' extraction blocks: the words. */
const SECTOR_TEXT: Record<FactSector, { knows: string; courses: string; never: string }> = {
  boernehus: {
    knows: "the børnehus knows it",
    courses: "Every course's facts",
    never: "No case id, name or birth date: a keyed pseudonym, an age band, dates.",
  },
  municipality: {
    knows: "the municipality knows it",
    courses: "Every referred course's facts",
    never: "No case id, child, name or caseworker identity: keyed pseudonyms and dates.",
  },
  police: {
    knows: "the police know it",
    courses: "Every reported course's facts",
    never: "No case id, journal number, suspect or interviewer: a pseudonym and dates.",
  },
};

/** A description, as a one-line string or a block string. */
export function description(text: string | undefined, indent = ""): string {
  if (!text) return "";
  if (!text.includes("\n")) return `${indent}${JSON.stringify(text)}\n`;
  return `${indent}"""\n${text
    .split("\n")
    .map((l) => `${indent}${l}`)
    .join("\n")}\n${indent}"""\n`;
}

function field(name: string, column: Pick<FactColumn, "type" | "list" | "nullable" | "description">): string {
  const type = column.list ? `[${column.type}!]!` : `${column.type}${column.nullable ? "" : "!"}`;
  return `${description(column.description, "  ")}  ${name}: ${type} ${EXTRACT}`;
}

/**
 * One sector's extraction block: `<Prefix>StatisticsFact` (its columns of COURSE_FACT_COLUMNS),
 * its page, and the query `<prefix>StatisticsFacts`, readable with statistics:extract only.
 * The sector's own enumerations (AgeBand, SuspectRelationGroup) and `scalar Date` stay in its schema.graphql.
 */
export function statisticsFactsSdl(sector: FactSector): string {
  const prefix = FACT_SECTORS[sector].prefix;
  const text = SECTOR_TEXT[sector];
  const query = factQueryField(sector);
  const fields = [field(COURSE_KEY.name, { type: "String", description: COURSE_KEY.description })];
  for (const [name, column] of sectorColumns(sector)) fields.push(field(name, column));
  const blocks: string[] = [];
  const nested = sector in NESTED_FACTS ? NESTED_FACTS[sector as keyof typeof NESTED_FACTS] : null;
  if (nested) {
    const nestedType = `${prefix}${nested.typeSuffix}`;
    const nestedFields = Object.entries(nested.columns).map(([name, column]) => field(name, column));
    blocks.push(`${description(nested.description)}type ${nestedType} {\n${nestedFields.join("\n")}\n}`);
    fields.push(`  ${nested.field}: [${nestedType}!]! ${EXTRACT}`);
  }
  blocks.push(`"One course, as ${text.knows}, pseudonymised."\ntype ${prefix}StatisticsFact {\n${fields.join("\n")}\n}`);
  blocks.push(`type ${prefix}StatisticsFactPage {
  facts: [${prefix}StatisticsFact!]! ${EXTRACT}
  "Opaque (encrypted): pass it as \`after\` for the next page."
  endCursor: String ${EXTRACT}
  hasNextPage: Boolean! ${EXTRACT}
}`);
  blocks.push(`extend type Query {
  "${text.courses}, a page at a time (first: 1-5000), for the statistics service only."
  ${query}(after: String, first: Int = 1000): ${prefix}StatisticsFactPage! ${EXTRACT}
}`);
  return `# Statistics extraction (docs/indicators.md), from packages/statistics-catalogue/src/facts.ts:
# pseudonymised per-course facts for the statistics service, readable only with statistics:extract.
# ${text.never}

${blocks.join("\n\n")}
`;
}

const STATISTICS = `@requiresScopes(scopes: [["statistics"]])`;

/**
 * The statistics subgraph's indicator vocabulary and table row (indicators.ts): the enums
 * StatisticsIndicator and StatisticsShare, and StatisticsRow with a field per declared column.
 */
export function indicatorSdl(): string {
  const shares = SHARE_NAMES.map((name) => `${description(SHARES[name], "  ")}  ${name}`);
  const keys = Object.entries(ROW_KEY_COLUMNS).map(
    ([name, c]) => `${description("description" in c ? c.description : undefined, "  ")}  ${name}: ${c.type} ${STATISTICS}`,
  );
  const figures = Object.entries(FIGURE_COLUMNS).map(
    ([name, c]) => `${description("description" in c ? c.description : undefined, "  ")}  ${name}: ${c.type} ${STATISTICS}`,
  );
  return `# The statistics table's indicators and row, from packages/statistics-catalogue/src/indicators.ts.

"The indicators, as named in docs/indicators.md and in StatisticsRow.suppressed."
enum StatisticsIndicator {
${Object.entries(INDICATORS)
  .map(([name, text]) => `${description(text, "  ")}  ${name}`)
  .join("\n")}
}

"""
The shares of a statistics row, as named in StatisticsRow.suppressedShares. A share is published
only where its base is, and where its numerator and its complement (base - numerator) are counts
that could be published themselves (at least 5), so that share × base gives no 1-4 away.
"""
enum StatisticsShare {
${shares.join("\n")}
}

"""
One unit (and category) of a statistics table. Null means suppressed (listed in \`suppressed\`:
fewer than 5 children, or hidden so that a suppressed cell cannot be worked out from a total)
or not defined for the row (caseload has no breakdown).
"""
type StatisticsRow {
${[...keys, ...figures].join("\n")}
  "The indicators suppressed in this row."
  suppressed: [StatisticsIndicator!]! ${STATISTICS}
  """
  The shares withheld in this row: with their indicator (also in \`suppressed\`), or alone, where the
  base is published but the numerator or its complement is under 5 (or would give such a share away).
  """
  suppressedShares: [StatisticsShare!]! ${STATISTICS}
}
`;
}
