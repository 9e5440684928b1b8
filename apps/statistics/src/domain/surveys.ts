import { suppressCells, suppressShares } from "./suppression.ts";
import { type Unit, unitKey } from "./units.ts";

/**
 * The outcome survey indicator (docs/indicators.md, "Outcome surveys"): per kind of respondent
 * and question, the answers given in the year and the share answering 4 or 5 (agree, strongly
 * agree), for the country and each børnehus. Disclosure control is the tables' own
 * (suppression.ts): a count under 5 is withheld, a share whose numerator or complement is under
 * 5 too, and the country = the sum of its børnehuse, so one withheld børnehus is never left to
 * be worked out by differencing.
 */
export interface SurveyAnswer {
  region: string;
  respondent: string;
  questionKey: string;
  score: number;
}

export interface SurveyStatisticsRow {
  level: "NATIONAL" | "BOERNEHUS";
  unitCode: string;
  unitName: string;
  respondent: string;
  questionKey: string;
  /** Null: withheld. */
  answers: number | null;
  agreeShare: number | null;
}

const RESPONDENT_ORDER = ["CAREGIVER_FIRST_VISIT", "CAREGIVER_FOLLOW_UP", "YOUNG_PERSON", "SAMRAAD_PARTICIPANT"];
const AGREE = 4;

export function surveyStatistics(
  answers: readonly SurveyAnswer[],
  units: { national: Unit; boernehuse: readonly Unit[] },
  visible: (unit: Unit) => boolean,
): SurveyStatisticsRow[] {
  const groups = new Map<string, { respondent: string; questionKey: string }>();
  const counts = new Map<string, number>();
  const agree = new Map<string, number>();
  const id = (group: string, unit: Unit) => `${group}|${unitKey(unit)}`;
  const add = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);
  for (const a of answers) {
    const group = `${a.respondent}|${a.questionKey}`;
    if (!groups.has(group)) {
      groups.set(group, { respondent: a.respondent, questionKey: a.questionKey });
      // Every unit of a group is a cell, the børnehuse without answers too (a 0 is a count like any other).
      for (const unit of [units.national, ...units.boernehuse]) {
        counts.set(id(group, unit), 0);
        agree.set(id(group, unit), 0);
      }
    }
    const boernehus = units.boernehuse.find((u) => u.code === a.region);
    const yes = a.score >= AGREE ? 1 : 0;
    for (const unit of boernehus ? [units.national, boernehus] : [units.national]) {
      add(counts, id(group, unit), 1);
      add(agree, id(group, unit), yes);
    }
  }
  const constraints = [...groups.keys()].map((group) => ({
    total: id(group, units.national),
    parts: units.boernehuse.map((u) => id(group, u)),
  }));
  const countHidden = suppressCells(counts, constraints);
  const shareHidden = suppressShares({ bases: counts, numerators: agree, baseSuppressed: countHidden, constraints });
  const ordered = [...groups.entries()].sort(
    ([, a], [, b]) =>
      RESPONDENT_ORDER.indexOf(a.respondent) - RESPONDENT_ORDER.indexOf(b.respondent) || a.questionKey.localeCompare(b.questionKey),
  );
  return ordered.flatMap(([group, { respondent, questionKey }]) =>
    [units.national, ...units.boernehuse].filter(visible).map((unit) => {
      const cell = id(group, unit);
      const n = counts.get(cell) ?? 0;
      return {
        level: unit.level as "NATIONAL" | "BOERNEHUS",
        unitCode: unit.code,
        unitName: unit.name,
        respondent,
        questionKey,
        answers: countHidden.has(cell) ? null : n,
        agreeShare: shareHidden.has(cell) || n === 0 ? null : (agree.get(cell) ?? 0) / n,
      };
    }),
  );
}
