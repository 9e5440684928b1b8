import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateNationalReport, type NationalReport, nationalReportSchema, writeNationalReport } from "@samraad/statistics";
import { danishDate } from "@samraad/subgraph-kit";
import { MUNICIPALITIES, type SyntheticCourse } from "@samraad/synthetic";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "../support/stack.ts";

/**
 * The national report (docs/indicators.md, "National report"): the command's function run on a
 * seeded world after a real extraction through the gateway, its files read back and checked
 * against the JSON Schema, its figures against the statistics table of the same year, its
 * new breakdowns against the world itself, and its cells against the disclosure rules.
 */
let stack: Stack;
let report: NationalReport;
let files: { json: string; csv: string };
let dir: string;
let year: number;

/** The year with the most referrals received: the one with the most cells to publish. */
function busiestYear(courses: readonly SyntheticCourse[]): number {
  const counts = new Map<number, number>();
  for (const c of courses) {
    const y = Number(danishDate(new Date(c.course.referralReceivedAt)).slice(0, 4));
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
}

beforeAll(async () => {
  stack = await startStack({ statistics: true, courses: 160, coursesPerYear: 60 });
  await stack.extractStatistics();
  year = busiestYear(stack.world.courses);
  const db = stack.subgraphs.statistics?.client;
  if (!db) throw new Error("the statistics service is not running");
  dir = mkdtempSync(join(tmpdir(), "national-report-"));
  files = writeNationalReport(await generateNationalReport(db, year), dir);
  report = JSON.parse(readFileSync(files.json, "utf8"));
}, 600_000);
afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  await stack?.stop();
});

const cellsOf = (figure: string) => report.cells.filter((c) => c.figure === figure);
const cell = (figure: string, unitCode: string, category: string | null = null) =>
  report.cells.find((c) => c.figure === figure && c.unitCode === unitCode && c.category === category);

describe("the national report", () => {
  it("validates against its JSON Schema, and the schema refuses what the rules forbid", () => {
    const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(nationalReportSchema());
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report).toMatchObject({ schemaVersion: "1.0.0", year, report: "BOERNEHUS_NATIONAL_YEARLY" });
    expect(report.asOf).toBe(report.extractionRun.asOf);
    expect(report.extractionRun.courses).toBe(stack.world.courses.length);
    // The schema is no formality: a published 3, a withheld value that shows, a share above 1.
    const published = report.cells.find((c) => c.figure === "COURSES_STARTED" && !c.suppressed);
    const withheld = report.cells.find((c) => c.suppressed);
    const share = report.cells.find((c) => c.figure === "MEASURE_WITHIN_6_MONTHS_SHARE" && !c.suppressed);
    expect(published && withheld && share).toBeTruthy();
    for (const bad of [
      { ...published, value: 3 },
      { ...withheld, value: 12 },
      { ...share, value: 1.5 },
      { ...published, childCpr: "x" },
    ]) {
      expect(validate({ ...report, cells: [bad] })).toBe(false);
    }
    expect(validate({ ...report, schemaVersion: undefined })).toBe(false);
  });

  it("gives the statistics table's figures for the same year, at every level", async () => {
    let compared = 0;
    for (const level of ["NATIONAL", "BOERNEHUS", "MUNICIPALITY"]) {
      for (const breakdown of ["NONE", "ABUSE_TYPE"]) {
        const table = await stack.query<{ statisticsTable: { rows: Array<Record<string, number | string | null>> } }>(
          "analyst-national",
          `query ($year: Int!, $level: StatisticsLevel!, $breakdown: StatisticsBreakdown!) {
            statisticsTable(year: $year, level: $level, breakdown: $breakdown) {
              rows { unitCode category coursesStarted coursesClosed coursesPer1000Children samraadCourses followThroughCourses
                     measureWithin6MonthsShare anySupportWithin6MonthsShare }
            }
          }`,
          { year, level, breakdown },
        );
        expect(table.errors).toBeUndefined();
        for (const row of table.data?.statisticsTable.rows ?? []) {
          const unit = String(row.unitCode);
          if (breakdown === "ABUSE_TYPE") {
            if (row.category === null) continue;
            expect(cell("COURSES_STARTED_BY_ABUSE_TYPE", unit, String(row.category))?.value).toBe(row.coursesStarted);
            compared++;
            continue;
          }
          const pairs: Array<[string, string]> = [
            ["COURSES_STARTED", "coursesStarted"],
            ["COURSES_CLOSED", "coursesClosed"],
            ["COURSES_PER_1000_CHILDREN", "coursesPer1000Children"],
            ["SAMRAAD_HELD", "samraadCourses"],
            ["FOLLOW_THROUGH_COURSES", "followThroughCourses"],
            ["MEASURE_WITHIN_6_MONTHS_SHARE", "measureWithin6MonthsShare"],
            ["ANY_SUPPORT_WITHIN_6_MONTHS_SHARE", "anySupportWithin6MonthsShare"],
          ];
          for (const [figure, field] of pairs) {
            const value = cell(figure, unit)?.value ?? null;
            if (typeof row[field] === "number") expect(value, `${figure} ${unit}`).toBeCloseTo(row[field] as number, 10);
            else expect(value, `${figure} ${unit}`).toBeNull();
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(700);
    // Some of it is published: the report is not all withheld.
    expect(cell("COURSES_STARTED", "DK")?.value).toBeGreaterThan(0);
  });

  it("counts gender, course type and the suspect's relation as the world has them", () => {
    const inYear = stack.world.courses.filter((c) => danishDate(new Date(c.course.referralReceivedAt)).startsWith(`${year}-`));
    const count = (p: (c: SyntheticCourse) => boolean) => inYear.filter(p).length;
    const group = (c: SyntheticCourse) => {
      const r = c.police?.suspect.relation;
      if (!r) return "NONE_RECORDED";
      if (["PARENT", "STEP_PARENT", "SIBLING", "OTHER_FAMILY"].includes(r)) return "FAMILY";
      return r === "KNOWN_ADULT" || r === "PEER" ? "KNOWN_OUTSIDE_FAMILY" : r;
    };
    const expected: Array<[string, string, number]> = [
      ["COURSES_STARTED_BY_GENDER", "GIRL", count((c) => c.child.gender === "GIRL")],
      ["COURSES_STARTED_BY_GENDER", "BOY", count((c) => c.child.gender === "BOY")],
      ["COURSES_STARTED_BY_COURSE_TYPE", "SAMRAAD_ONLY", count((c) => c.course.type === "SAMRAAD_ONLY")],
      ["COURSES_STARTED_BY_COURSE_TYPE", "FULL_COURSE", count((c) => c.course.type === "FULL_COURSE")],
      ...["FAMILY", "KNOWN_OUTSIDE_FAMILY", "STRANGER", "UNKNOWN", "NONE_RECORDED"].map(
        (g) => ["COURSES_STARTED_BY_SUSPECT_RELATION", g, count((c) => group(c) === g)] as [string, string, number],
      ),
    ];
    let published = 0;
    for (const [figure, category, n] of expected) {
      const c = cell(figure, "DK", category);
      expect(c, `${figure} ${category}`).toBeDefined();
      if (c?.suppressed) expect(n < 5 || report.cells.some((x) => x.figure === figure && x.suppressed)).toBe(true);
      else {
        expect(c?.value, `${figure} ${category}`).toBe(n);
        published++;
      }
    }
    expect(published).toBeGreaterThanOrEqual(4);
    expect(cell("COURSES_STARTED_BY_GENDER", "DK", "UNKNOWN")).toBeUndefined();
    // The national gender figures are both published in this world (a withheld 0 took none with it).
    expect(cell("COURSES_STARTED_BY_GENDER", "DK", "BOY")?.suppressed).toBe(false);
  });

  it("publishes no cell that gives away 1-4 children", () => {
    const counts = report.cells.filter((c) => !c.figure.endsWith("_SHARE") && c.figure !== "COURSES_PER_1000_CHILDREN");
    for (const c of counts) if (!c.suppressed) expect(c.value, `${c.figure} ${c.unitCode} ${c.category}`).toBeGreaterThanOrEqual(5);
    // A share × its base and the complement are counts too.
    for (const c of cellsOf("MEASURE_WITHIN_6_MONTHS_SHARE").concat(cellsOf("ANY_SUPPORT_WITHIN_6_MONTHS_SHARE"))) {
      if (c.value === null) continue;
      const base = cell("FOLLOW_THROUGH_COURSES", c.unitCode)?.value;
      expect(base).toBeGreaterThanOrEqual(5);
      const part = Math.round(c.value * (base as number));
      expect(part).toBeGreaterThanOrEqual(5);
      expect((base as number) - part).toBeGreaterThanOrEqual(5);
    }
    // The per-1,000 rate is withheld with its count.
    for (const c of cellsOf("COURSES_PER_1000_CHILDREN")) expect(c.suppressed).toBe(cell("COURSES_STARTED", c.unitCode)?.suppressed);
    // No sum has exactly one withheld cell (it could be worked out by subtraction): a børnehus =
    // its municipalities, the country = the børnehuse; gender and course type also add up per unit.
    const region = new Map(MUNICIPALITIES.map((m) => [m.code, m.region as string]));
    const sums: string[][] = [];
    const groups = new Map<string, typeof report.cells>();
    for (const c of report.cells) {
      if (c.figure.endsWith("_SHARE") || c.figure === "COURSES_PER_1000_CHILDREN") continue;
      const key = `${c.figure}|${c.category}`;
      groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    let withheld = 0;
    for (const cells of groups.values()) {
      const state = (pred: (c: NationalReport["cells"][number]) => boolean) => cells.filter(pred).map((c) => c.suppressed);
      sums.push([...state((c) => c.level === "NATIONAL"), ...state((c) => c.level === "BOERNEHUS")].map(String));
      for (const r of ["HOVEDSTADEN", "SJAELLAND", "SYDDANMARK", "MIDTJYLLAND", "NORDJYLLAND"]) {
        sums.push(
          [...state((c) => c.level === "BOERNEHUS" && c.unitCode === r), ...state((c) => region.get(c.unitCode) === r)].map(String),
        );
      }
      withheld += cells.filter((c) => c.suppressed).length;
    }
    for (const figure of ["COURSES_STARTED_BY_GENDER", "COURSES_STARTED_BY_COURSE_TYPE"]) {
      for (const total of cellsOf("COURSES_STARTED")) {
        const parts = cellsOf(figure).filter((c) => c.unitCode === total.unitCode);
        sums.push([total, ...parts].map((c) => String(c.suppressed)));
      }
    }
    for (const s of sums) expect(s.filter((x) => x === "true").length).not.toBe(1);
    expect(withheld).toBeGreaterThan(0);
  });

  it("names no case, child, suspect or police report", () => {
    const text = readFileSync(files.json, "utf8") + readFileSync(files.csv, "utf8");
    for (const c of stack.world.courses) {
      expect(text).not.toContain(c.caseId);
      expect(text).not.toContain(c.child.id);
      expect(text).not.toContain(c.child.cpr);
      expect(text).not.toContain(c.child.cpr.replace("-", ""));
      expect(text).not.toContain(`${c.child.firstName} ${c.child.lastName}`);
      if (c.police) {
        expect(text).not.toContain(c.police.journalNumber);
        expect(text).not.toContain(c.police.suspect.name);
      }
      for (const a of c.caseworkerAssignments) expect(text).not.toContain(a.caseworkerName);
    }
    expect(text).not.toMatch(/\b\d{6}-?\d{4}\b/);
    // The one id in it is the extraction run's.
    const uuids = new Set(text.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g));
    expect([...uuids]).toEqual([report.extractionRun.id]);
  });

  it("writes one CSV row per figure, unit and category, withheld values as '..'", () => {
    const lines = readFileSync(files.csv, "utf8").trimEnd().split("\n");
    expect(lines[0]).toBe("figure;level;unitCode;unitName;category;value");
    expect(lines).toHaveLength(report.cells.length + 1);
    const keys = new Set(lines.slice(1).map((l) => l.split(";").slice(0, 5).join(";")));
    expect(keys.size).toBe(report.cells.length);
    const withheld = report.cells.findIndex((c) => c.suppressed);
    expect(lines[withheld + 1]?.endsWith(";..")).toBe(true);
  });
});
