import type { Service } from "./processes.ts";

/**
 * (e) The national statistics query: the analyst's table of every municipality with every
 * indicator, for the last full calendar year, through the gateway to the statistics service.
 */
export const STATISTICS_TABLE = /* GraphQL */ `query BenchStatisticsTable($year: Int!, $level: StatisticsLevel!, $breakdown: StatisticsBreakdown!) {
  statisticsTable(year: $year, level: $level, breakdown: $breakdown) {
    asOf periodEnd
    rows {
      unitCode unitName category coursesStarted coursesPer1000Children samraadShare coursesClosed caseworkerContinuityShare
      samraadCourses daysToSamraadMedian daysToSamraadP90 videoInterviewCourses daysToVideoInterviewMedian daysToVideoInterviewP90
      finalNoteCourses daysToFinalNoteMedian daysToFinalNoteP90 followThroughCourses measureWithin6MonthsShare anySupportWithin6MonthsShare
      openCoursesAtPeriodEnd caseworkers meanCaseload caseworkersAboveGuidelineShare suppressed
    }
  }
}`;

export const STATISTICS_PERSONA = "analyst-national";

export function statisticsVariables(now = new Date()) {
  return { year: now.getFullYear() - 1, level: "MUNICIPALITY", breakdown: "NONE" };
}

export interface ExtractionReport {
  courses: number;
  assignments: number;
  milliseconds: number;
}

/**
 * The statistics service extracts on its own schedule (the first run shortly after start-up),
 * through the gateway, as its machine principal: the bench waits for that run to finish, so
 * (e) reads facts for every seeded course. Its duration is a figure of its own.
 */
export function extractionDone(service: Service, timeoutMs: number): Promise<ExtractionReport> {
  return new Promise((resolve, reject) => {
    let partial = "";
    let lastError = "";
    const timer = setTimeout(
      () => finish(new Error(`no statistics extraction within ${timeoutMs / 1000} s${lastError ? `: ${lastError}` : ""}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) {
        const entry = parseJson(line);
        if (entry?.msg === "statistics extraction done") finish(null, entry as unknown as ExtractionReport);
        // The first run may come before the gateway is up; the schedule retries it after 30 s.
        if (entry?.msg === "statistics extraction failed") lastError = String(entry.error);
      }
    };
    const finish = (error: Error | null, report?: ExtractionReport) => {
      clearTimeout(timer);
      service.child.stdout?.off("data", onData);
      if (error) reject(error);
      else
        resolve({ courses: Number(report?.courses), assignments: Number(report?.assignments), milliseconds: Number(report?.milliseconds) });
    };
    service.child.stdout?.on("data", onData);
  });
}

function parseJson(line: string): Record<string, unknown> | null {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return null;
  }
}
