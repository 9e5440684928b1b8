import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CATALOGUES, type MessageKey, placeholders, translate } from "../src/i18n/messages.ts";

const SUPERGRAPH = readFileSync(new URL("../../gateway/supergraph.graphql", import.meta.url), "utf8");

/** The values of an enum in the supergraph. */
function enumValues(name: string): string[] {
  const body = SUPERGRAPH.match(new RegExp(`enum ${name}\\b[^{]*\\{([^}]*)\\}`))?.[1] ?? "";
  return body
    .split("\n")
    .map((line) => line.trim().split(/[\s@]/)[0] ?? "")
    .filter((v) => /^[A-Z_]+$/.test(v));
}

describe("the message catalogue", () => {
  const da = Object.keys(CATALOGUES.da).sort();
  const en = Object.keys(CATALOGUES.en).sort();

  it("has every key in both Danish and English", () => {
    expect(en).toEqual(da);
  });

  it("has no empty message, and the same placeholders in both languages", () => {
    for (const key of da as MessageKey[]) {
      expect(CATALOGUES.da[key].trim(), key).not.toBe("");
      expect(CATALOGUES.en[key].trim(), key).not.toBe("");
      expect(placeholders(CATALOGUES.en[key]), key).toEqual(placeholders(CATALOGUES.da[key]));
    }
  });

  it("names every value of the enums the UI shows, in both languages", () => {
    const shown = [
      "Sector",
      "Region",
      "CourseStatus",
      "CourseType",
      "AbuseType",
      "BurdenLevel",
      "MeetingKind",
      "MeetingStatus",
      "Activity",
      "ActionItemStatus",
      "CrisisRecipient",
      "AssessmentStatus",
      "FinalNoteStatus",
      "RecommendationKind",
      "AccessBasis",
      "RestrictedReason",
      "Gender",
      "MeasureKind",
      "ResponseKind",
      "DeclineReason",
      "InvestigationStatus",
      "VideoInterviewStatus",
      "CustodyConsent",
      "SuspectRelation",
      "ExaminationKind",
      "MedicalExaminationStatus",
      "OnwardReferralTarget",
    ];
    for (const name of shown) {
      const values = enumValues(name);
      expect(values.length, name).toBeGreaterThan(0);
      for (const value of values) expect(da, `enum.${name}.${value}`).toContain(`enum.${name}.${value}`);
    }
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(translate("da", "case.title", { name: "Alma Test" })).toBe("Sag for Alma Test");
    expect(translate("en", "case.title", { name: "Alma Test" })).toBe("Case for Alma Test");
    expect(translate("da", "case.title")).toBe("Sag for {name}");
  });
});
