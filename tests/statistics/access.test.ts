import { SCOPES, scopesFor } from "@samraad/access";
import { PERSONAS, worldEnd } from "@samraad/synthetic";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "../support/stack.ts";
import { SCAN_FIELDS, type ScanTable, scanTables } from "./disclosureScan.ts";

/**
 * Who reaches what of the statistics, through the gateway: the extraction (pseudonymised
 * per-course facts) only the statistics service's own machine principal; the aggregates the
 * national analyst (every unit) and leaders (their own organisation); and the analyst
 * nothing else.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ statistics: true, courses: 160, coursesPerYear: 60 });
  await stack.extractStatistics();
}, 600_000);
afterAll(async () => stack?.stop());

const EXTRACT_FIELDS = {
  boernehusStatisticsFacts: "facts { coursePseudonym municipalityCode referralReceivedOn } hasNextPage",
  // The child's gender and the suspects' relation groups (the national report's): the extractor's only.
  municipalityStatisticsFacts: "facts { coursePseudonym childGender assignments { caseworkerPseudonym } } hasNextPage",
  policeStatisticsFacts: "facts { coursePseudonym firstVideoInterviewHeldOn suspectRelationGroups } hasNextPage",
};
const TABLE = `query T($year: Int!) { statisticsTable(year: $year, level: MUNICIPALITY) { rows { unitCode coursesStarted } } }`;

describe("the statistics extraction", () => {
  it.each(PERSONAS.map((p) => [p.id, p] as const))("%s reaches the sectors' facts only with statistics:extract", async (_id, persona) => {
    const allowed = scopesFor(persona).includes(SCOPES.statisticsExtract);
    expect(allowed).toBe(persona.id === "statistics-extractor");
    for (const [field, selection] of Object.entries(EXTRACT_FIELDS)) {
      const res = await stack.query(persona.id, `{ ${field}(first: 5) { ${selection} } }`);
      if (allowed) {
        expect(res.errors, field).toBeUndefined();
        expect((res.data?.[field] as { facts: unknown[] } | undefined)?.facts.length, field).toBeGreaterThan(0);
      } else {
        expect(res.errors?.[0]?.extensions?.code, `${persona.id} ${field}`).toBe("UNAUTHORIZED");
        expect(res.data?.[field] ?? null).toBeNull();
      }
    }
  });

  it("hands over pseudonyms, never a case id, and the same pseudonym in every sector", async () => {
    const b = await stack.query<{ boernehusStatisticsFacts: { facts: Array<{ coursePseudonym: string }> } }>(
      "statistics-extractor",
      `{ boernehusStatisticsFacts(first: 5000) { facts { coursePseudonym } } }`,
    );
    const m = await stack.query<{ municipalityStatisticsFacts: { facts: Array<{ coursePseudonym: string }> } }>(
      "statistics-extractor",
      `{ municipalityStatisticsFacts(first: 5000) { facts { coursePseudonym } } }`,
    );
    const fromBoernehus = new Set(b.data?.boernehusStatisticsFacts.facts.map((f) => f.coursePseudonym));
    const fromMunicipality = m.data?.municipalityStatisticsFacts.facts.map((f) => f.coursePseudonym) ?? [];
    expect(fromBoernehus.size).toBe(stack.world.courses.length);
    expect(fromMunicipality.every((p) => fromBoernehus.has(p))).toBe(true);
    const caseIds = new Set(stack.world.courses.map((c) => c.caseId));
    expect([...fromBoernehus].some((p) => caseIds.has(p) || p.length < 40)).toBe(false);
    const text = JSON.stringify([b.data, m.data]);
    for (const c of stack.world.courses.slice(0, 20)) {
      expect(text).not.toContain(c.caseId);
      expect(text).not.toContain(c.child.cpr);
    }
  });

  it("refuses a cursor it did not issue, with a typed error", async () => {
    const res = await stack.query("statistics-extractor", `{ policeStatisticsFacts(after: "forged", first: 10) { hasNextPage } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    // A variable, not a literal: the gateway's cost limit refuses a literal first: 100000
    // before it reaches the sector (tests/hardening); here the sector's own page cap answers.
    const big = await stack.query("statistics-extractor", `query ($first: Int!) { policeStatisticsFacts(first: $first) { hasNextPage } }`, {
      first: 100000,
    });
    expect(big.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("is audited in the sector, with the cases it read", async () => {
    const course = stack.world.courses[0];
    const entries = await stack.subgraphs.boernehus.auditLog.entriesFor({ caseIds: [course?.caseId ?? ""], childIds: [] });
    const extraction = entries.filter((e) => e.actorSub === "persona:statistics-extractor");
    expect(extraction.some((e) => e.purpose === "STATISTICS" && e.actorOrg === "SBST")).toBe(true);
  });
});

describe("the statistics aggregates", () => {
  const year = new Date(worldEnd()).getUTCFullYear() - 1;

  it.each(PERSONAS.map((p) => [p.id, p] as const))("%s gets tables only with the statistics scope", async (_id, persona) => {
    const res = await stack.query(persona.id, TABLE, { year });
    if (scopesFor(persona).includes(SCOPES.statistics)) expect(res.errors).toBeUndefined();
    else expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHORIZED");
  });

  it("the national analyst sees every municipality; a municipal leader only their own (and the country)", async () => {
    const analyst = await stack.query<{ statisticsTable: { rows: Array<{ unitCode: string }> } }>("analyst-national", TABLE, { year });
    expect(analyst.data?.statisticsTable.rows.length).toBe(98);
    const leader = await stack.query<{ statisticsTable: { rows: Array<{ unitCode: string }> } }>("leader-kbh", TABLE, { year });
    expect(leader.data?.statisticsTable.rows.map((r) => r.unitCode)).toEqual(["0101"]);
    const house = await stack.query<{ statisticsTable: { rows: Array<{ unitCode: string }> } }>("leader-boernehus-hovedstaden", TABLE, {
      year,
    });
    expect(house.data?.statisticsTable.rows.length).toBe(29);
    expect(house.data?.statisticsTable.rows.map((r) => r.unitCode)).not.toContain("0751");
    const police = await stack.query<{ statisticsTable: { rows: Array<{ unitCode: string }> } }>("leader-police-kbh", TABLE, { year });
    expect(police.data?.statisticsTable.rows.map((r) => r.unitCode).sort()).toEqual(["0101", "0147", "0155", "0185"]);
  });

  it("the national analyst reaches no case, child or audit data", async () => {
    const course = stack.world.courses[0];
    const res = await stack.query("analyst-national", `query($id: ID!) { boernehusCase(id: $id) { id status } }`, { id: course?.caseId });
    expect(res.data?.boernehusCase ?? null).toBeNull();
    expect(res.errors?.every((e) => e.extensions?.code === "UNAUTHORIZED")).toBe(true);
    const list = await stack.query("analyst-national", `{ boernehusCases(first: 5) { id } }`);
    expect(list.errors?.[0]?.extensions?.code).toBe("UNAUTHORIZED");
    const child = await stack.query("analyst-national", `query($id: ID!) { child(id: $id) { id } }`, { id: course?.child.id });
    expect(child.errors?.[0]?.extensions?.code).toBe("UNAUTHORIZED");
    const facts = await stack.query("analyst-national", `{ boernehusStatisticsFacts { hasNextPage } }`);
    expect(facts.errors?.[0]?.extensions?.code).toBe("UNAUTHORIZED");
    const report = await stack.query("analyst-national", `query($id: ID!) { accessReport(childId: $id) { childId } }`, {
      id: course?.child.id,
    });
    expect(report.errors?.[0]?.extensions?.code).toBe("UNAUTHORIZED");
  });
});

describe("small cells", () => {
  const year = new Date(worldEnd()).getUTCFullYear() - 1;
  const COUNTS = [
    ["COURSES_STARTED", "coursesStarted"],
    ["COURSES_CLOSED", "coursesClosed"],
    ["DAYS_TO_SAMRAAD", "samraadCourses"],
    ["DAYS_TO_VIDEO_INTERVIEW", "videoInterviewCourses"],
    ["DAYS_TO_FINAL_NOTE", "finalNoteCourses"],
    ["FOLLOW_THROUGH", "followThroughCourses"],
    ["DECLINED_SUPPORT", "declinedCourses"],
    ["MEASURES_STARTED", "measuresStarted"],
    ["CASELOAD", "openCoursesAtPeriodEnd"],
  ] as const;
  type Row = Record<string, unknown> & { unitCode: string; category: string | null; suppressed: string[] };
  const query = `query T($year: Int!, $level: StatisticsLevel!, $breakdown: StatisticsBreakdown!) {
    statisticsTable(year: $year, level: $level, breakdown: $breakdown) {
      csv rows { unitCode category suppressed ${COUNTS.map(([, f]) => f).join(" ")} measureWithin6MonthsShare daysToFinalNoteMedian }
    }
  }`;

  it.each(["NONE", "ABUSE_TYPE", "BURDEN_LEVEL", "AGE_BAND", "QUARTER"])("never appear, at any level (%s)", async (breakdown) => {
    for (const level of ["NATIONAL", "BOERNEHUS", "MUNICIPALITY"]) {
      const res = await stack.query<{ statisticsTable: { csv: string; rows: Row[] } }>("analyst-national", query, {
        year,
        level,
        breakdown,
      });
      expect(res.errors).toBeUndefined();
      const rows = res.data?.statisticsTable.rows ?? [];
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        for (const [indicator, field] of COUNTS) {
          const value = row[field];
          if (value === null) {
            if (indicator !== "CASELOAD" || row.category === null) expect(row.suppressed).toContain(indicator);
          } else expect(value as number, `${level} ${row.unitCode} ${row.category} ${field}`).toBeGreaterThanOrEqual(5);
        }
      }
      // The CSV is the same table: one line per row, '..' exactly where a value is suppressed.
      const lines = res.data?.statisticsTable.csv.trim().split("\n") ?? [];
      expect(lines).toHaveLength(rows.length + 1);
      expect(lines[0]?.split(";")).toContain("measureWithin6MonthsShare");
      const suppressedCount = rows.reduce((n, r) => n + (r.suppressed.includes("COURSES_STARTED") ? 1 : 0), 0);
      expect(lines.slice(1).filter((l) => l.split(";")[4] === "..").length).toBe(suppressedCount);
    }
  });

  it("cannot be worked out by differencing a børnehus against its municipalities", async () => {
    const get = async (level: string) =>
      (await stack.query<{ statisticsTable: { rows: Row[] } }>("analyst-national", query, { year, level, breakdown: "NONE" })).data
        ?.statisticsTable.rows ?? [];
    const [houses, municipalities] = [await get("BOERNEHUS"), await get("MUNICIPALITY")];
    const regionOf = new Map((await import("@samraad/synthetic")).MUNICIPALITIES.map((m) => [m.code, m.region] as const));
    let sawSuppression = false;
    for (const house of houses) {
      const members = municipalities.filter((m) => regionOf.get(m.unitCode) === house.unitCode);
      for (const [indicator] of COUNTS) {
        const hidden = [house, ...members].filter((r) => r.suppressed.includes(indicator)).length;
        if (hidden > 0) sawSuppression = true;
        expect(hidden, `${house.unitCode} ${indicator}`).not.toBe(1);
      }
    }
    expect(sawSuppression).toBe(true);
  });

  it("no published cell of any year gives away 1-4 children or caseworkers (published, share × base, differencing)", async () => {
    const status = await stack.query<{ statisticsStatus: { years: number[] } }>("analyst-national", `{ statisticsStatus { years } }`);
    const years = status.data?.statisticsStatus.years ?? [];
    expect(years.length).toBeGreaterThan(1);
    const scanQuery = `query T($year: Int!, $level: StatisticsLevel!, $breakdown: StatisticsBreakdown!) {
      statisticsTable(year: $year, level: $level, breakdown: $breakdown) { rows { ${SCAN_FIELDS} } }
    }`;
    const findings: string[] = [];
    let cells = 0;
    let zeros = 0;
    for (const year of years) {
      const tables: ScanTable[] = [];
      for (const breakdown of ["NONE", "ABUSE_TYPE", "BURDEN_LEVEL", "AGE_BAND", "QUARTER"]) {
        const rows: ScanTable["rows"] = [];
        for (const level of ["NATIONAL", "BOERNEHUS", "MUNICIPALITY"]) {
          const res = await stack.query<{ statisticsTable: { rows: ScanTable["rows"] } }>("analyst-national", scanQuery, {
            year,
            level,
            breakdown,
          });
          expect(res.errors).toBeUndefined();
          rows.push(...(res.data?.statisticsTable.rows ?? []));
        }
        tables.push({ breakdown, rows });
      }
      const scan = scanTables(tables);
      cells += scan.cells;
      zeros += scan.zeros;
      findings.push(...scan.findings.map((f) => `${year} ${f.cell} ${f.quantity} = ${f.value} (${f.how})`));
    }
    console.info(`disclosure scan: ${years.length} years, ${cells} cells, ${findings.length} findings, ${zeros} withheld zeros pinned`);
    for (const kind of ["published", "differencing"]) console.info(`  ${kind}: ${findings.filter((f) => f.includes(`(${kind})`)).length}`);
    console.info(findings.slice(0, 15).join("\n"));
    expect(findings).toEqual([]);
  }, 300_000);
});
