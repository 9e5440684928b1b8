import {
  ASSIGNMENT_FACT_COLUMNS,
  COURSE_FACT_COLUMNS,
  COURSE_KEY,
  type CourseFactColumn,
  FACT_SECTORS,
  type FactColumn,
  type FactRecord,
  type FactSector,
  NESTED_FACTS,
  type SectorFactRecord,
  sectorColumns,
} from "@samraad/statistics-catalogue";
import type {
  AbuseType,
  AgeBand,
  BurdenLevel,
  CourseFact,
  CourseType,
  Gender,
  OtherSupportKind,
  Region,
  SuspectRelationGroup,
} from "../generated/prisma/client.ts";

/**
 * The SQL and the types that follow from the fact columns' declaration
 * (packages/statistics-catalogue/src/facts.ts): the column lists of staging, of the join into
 * CourseFact and of the in-memory load, and the JSON recordsets they read. Every identifier comes
 * from the declaration, never from input.
 */

/** The enumerations' values, as the statistics database (Prisma) has them. */
type Enums = {
  Region: Region;
  CourseType: CourseType;
  AbuseType: AbuseType;
  BurdenLevel: BurdenLevel;
  AgeBand: AgeBand;
  OtherSupportKind: OtherSupportKind;
  Gender: Gender;
  SuspectRelationGroup: SuspectRelationGroup;
};

export type AssignmentFact = FactRecord<typeof ASSIGNMENT_FACT_COLUMNS, Enums>;
/**
 * What one sector hands over per course (its fields of `<Prefix>StatisticsFact`); the
 * municipality's facts carry the course's caseworker assignments (NESTED_FACTS).
 */
export type SectorFact<S extends FactSector> = SectorFactRecord<S, Enums> &
  (S extends keyof typeof NESTED_FACTS ? { [K in (typeof NESTED_FACTS)[S]["field"]]: AssignmentFact[] } : unknown);

type CourseFactRecord = FactRecord<typeof COURSE_FACT_COLUMNS, Enums>;
/** The columns a course may lack: another sector's than the børnehus's, which may have no record of it. */
type OtherSectorColumn = Exclude<keyof SectorFactRecord<"municipality" | "police", Enums>, "coursePseudonym">;
/** One course's joined facts (CourseFact). Dates are YYYY-MM-DD. */
export type CourseFactInput = { coursePseudonym: string } & Omit<CourseFactRecord, OtherSectorColumn> &
  Partial<Pick<CourseFactRecord, OtherSectorColumn>>;

/** The declaration and the Prisma model name the same columns: a column added to one only fails typecheck here. */
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : never;
export const COURSE_FACT_MATCHES_MODEL: SameKeys<CourseFactInput, CourseFact> = true;

const SCALAR_SQL: Record<string, string> = { Date: "date", Int: "int", Boolean: "boolean", String: "text" };
const quoted = (name: string) => `"${name}"`;
const isEnum = (c: FactColumn) => !(c.type in SCALAR_SQL);
/** The column's type in PostgreSQL: a scalar, or the enum of the same name. */
const sqlType = (c: FactColumn) => `${SCALAR_SQL[c.type] ?? quoted(c.type)}${c.list ? "[]" : ""}`;

type Columns = ReadonlyArray<readonly [string, FactColumn]>;
const KEY: readonly [string, FactColumn] = [COURSE_KEY.name, { from: "derived", type: "String" }];

/**
 * A JSON array of records read as rows: `json_to_recordset` declares lists as json and enums as
 * text, and the select casts them to the column types. `orMissing`: a value left out is the
 * column's whenMissing (facts built in memory may leave out another sector's columns).
 */
export function recordset(columns: Columns, orMissing = false): { declare: string; select: string } {
  const declare = columns.map(([name, c]) => `${quoted(name)} ${c.list ? "json" : (SCALAR_SQL[c.type] ?? "text")}`);
  const select = columns.map(([name, c]) => {
    const value = `x.${quoted(name)}`;
    const cast = c.list ? `ARRAY(SELECT json_array_elements_text(${value}))::${sqlType(c)}` : isEnum(c) ? `${value}::${sqlType(c)}` : value;
    return orMissing && c.whenMissing ? `coalesce(${cast}, ${c.whenMissing})` : cast;
  });
  return { declare: declare.join(", "), select: select.join(", ") };
}

const names = (columns: Columns) => columns.map(([name]) => quoted(name)).join(", ");

/** Every CourseFact column, the pseudonym first. */
export const COURSE_COLUMNS: Columns = [KEY, ...(Object.entries(COURSE_FACT_COLUMNS) as Array<[CourseFactColumn, FactColumn]>)];
export const ASSIGNMENT_COLUMNS: Columns = [KEY, ...(Object.entries(ASSIGNMENT_FACT_COLUMNS) as Array<[string, FactColumn]>)];
/** One sector's columns, the pseudonym first. */
export const sectorFactColumns = (sector: FactSector): Columns => [KEY, ...sectorColumns(sector)];

/** `INSERT INTO "<table>" (<columns>) SELECT … FROM json_to_recordset($1)`: a page, or facts held in memory. */
export function insertFromJson(table: string, columns: Columns, orMissing = false): string {
  const { declare, select } = recordset(columns, orMissing);
  return `INSERT INTO ${table} (${names(columns)}) SELECT ${select} FROM json_to_recordset($1::json) AS x(${declare})`;
}

/** A staging table of the given columns; a course once per sector (the key), unless `keyed` is false. */
export function stagingTable(table: string, columns: Columns, keyed = true): string {
  const defs = columns.map(([name, c], i) =>
    i === 0 && keyed ? `${quoted(name)} text PRIMARY KEY` : `${quoted(name)} ${sqlType(c)}${c.nullable ? "" : " NOT NULL"}`,
  );
  return `CREATE TEMP TABLE ${table} (${defs.join(", ")}) ON COMMIT DROP`;
}

/** The staged table of a sector's facts. */
export const stagedTable = (sector: FactSector) => `staged_${sector}`;

/**
 * The join of the staged sectors into CourseFact: the børnehus's column from its table (b), another
 * sector's from its (or its whenMissing where that sector has no record of the course), and each
 * derived column from the expression `derived` gives for it.
 */
export function courseFactJoin(derived: Record<DerivedColumn, string>): { columns: string; select: string; joins: string } {
  const select = COURSE_COLUMNS.map(([name, c], i) => {
    if (i === 0) return `b.${quoted(name)}`;
    if (c.from === "derived") return derived[name as DerivedColumn];
    const value = `${FACT_SECTORS[c.from].alias}.${quoted(name)}`;
    return c.whenMissing ? `coalesce(${value}, ${c.whenMissing})` : value;
  });
  const joins = (Object.keys(FACT_SECTORS) as FactSector[])
    .filter((s) => s !== "boernehus")
    .map((s) => `LEFT JOIN ${stagedTable(s)} ${FACT_SECTORS[s].alias} ON ${FACT_SECTORS[s].alias}."coursePseudonym" = b."coursePseudonym"`);
  return { columns: names(COURSE_COLUMNS), select: select.join(", "), joins: joins.join("\n") };
}
export type DerivedColumn = {
  [K in CourseFactColumn]: (typeof COURSE_FACT_COLUMNS)[K]["from"] extends "derived" ? K : never;
}[CourseFactColumn];

/** What the extraction asks the gateway for, per sector: its columns and any nested facts. */
export function factSelection(sector: FactSector): string {
  const fields = sectorFactColumns(sector).map(([name]) => name);
  const nested = sector in NESTED_FACTS ? NESTED_FACTS[sector as keyof typeof NESTED_FACTS] : null;
  if (nested) fields.push(`${nested.field} { ${Object.keys(nested.columns).join(" ")} }`);
  return fields.join(" ");
}
