import { describe, expect, it } from "vitest";
import { otherSupportShares } from "../src/domain/table.ts";

// The difference between the 76% and the 67%, and its split by kind (docs/indicators.md, "Other support").
const cell = (n: number, a: number, b: number, parts: number[]) => ({ n, a, b, parts });

describe("other support only, and by kind", () => {
  it("publishes the difference wherever both shares are, and the kinds on the national total only", () => {
    const follow = cell(200, 134, 152, [7, 6, 5]);
    expect(otherSupportShares(follow, true, true)).toEqual({
      values: {
        otherSupportOnlyWithin6MonthsShare: 18 / 200,
        otherSupportAlongsideCourseShare: 7 / 200,
        otherSupportEarlyPreventiveShare: 6 / 200,
        otherSupportPrivateTreatmentShare: 5 / 200,
      },
      withheld: [],
    });
    // Below the country: the difference, no kinds (not defined there, so not listed as withheld).
    expect(otherSupportShares(follow, true, false)).toEqual({
      values: {
        otherSupportOnlyWithin6MonthsShare: 18 / 200,
        otherSupportAlongsideCourseShare: null,
        otherSupportEarlyPreventiveShare: null,
        otherSupportPrivateTreatmentShare: null,
      },
      withheld: [],
    });
  });

  it("withholds the difference with either share or its base, and lists it", () => {
    const withheld = otherSupportShares(cell(200, 134, 152, [7, 6, 5]), false, true);
    expect(withheld.values.otherSupportOnlyWithin6MonthsShare).toBeNull();
    expect(withheld.withheld).toEqual(["OTHER_SUPPORT_ONLY_WITHIN_6_MONTHS_SHARE", "OTHER_SUPPORT_KIND_SHARES"]);
    expect(otherSupportShares(null, false, false).withheld).toEqual(["OTHER_SUPPORT_ONLY_WITHIN_6_MONTHS_SHARE"]);
  });

  it("withholds all three kinds together where one of them (or the unrecorded rest) is 1-4 children", () => {
    for (const parts of [
      [9, 5, 4], // a kind under 5
      [7, 6, 2], // 3 answers without a kind would follow by subtraction
    ]) {
      const r = otherSupportShares(cell(200, 134, 152, parts), true, true);
      expect(r.values.otherSupportOnlyWithin6MonthsShare).toBe(18 / 200);
      expect([
        r.values.otherSupportAlongsideCourseShare,
        r.values.otherSupportEarlyPreventiveShare,
        r.values.otherSupportPrivateTreatmentShare,
      ]).toEqual([null, null, null]);
      expect(r.withheld).toEqual(["OTHER_SUPPORT_KIND_SHARES"]);
    }
    // Five or more without a kind (answers from before the kinds existed) do not hold the kinds back.
    expect(otherSupportShares(cell(200, 134, 160, [7, 6, 5]), true, true).withheld).toEqual([]);
  });
});
