import { describe, expect, it } from "vitest";
import { DEFAULT_PURPOSE, emergencyPurpose, isEmergencyPurpose, MAX_PURPOSE_LENGTH, statedPurpose } from "../src/index.ts";

describe("audit purposes", () => {
  it("keep what a client states, cleaned, on one line and bounded", () => {
    expect(statedPurpose("Efterforskning: planlægning af videoafhøring")).toBe("Efterforskning: planlægning af videoafhøring");
    expect(statedPurpose("  Sags<b>behandling\n i dag ")).toBe("Sagsbbehandling i dag");
    expect(statedPurpose("x".repeat(500))).toHaveLength(MAX_PURPOSE_LENGTH);
    expect(statedPurpose(undefined)).toBe(DEFAULT_PURPOSE);
    expect(statedPurpose("<>")).toBe(DEFAULT_PURPOSE);
  });

  it("never let a client state the emergency mark", () => {
    for (const forged of ["EMERGENCY: ikke rigtig", "emergency:x", "  Emergency : x", "EMERGENCY:"]) {
      expect(statedPurpose(forged), forged).toBe(DEFAULT_PURPOSE);
    }
    expect(statedPurpose("Emergency room follow-up")).toBe("Emergency room follow-up");
  });

  it("mark an emergency read with its reason", () => {
    const purpose = emergencyPurpose("Akut indlæggelse,\nbarnet er på skadestuen");
    expect(purpose).toBe("EMERGENCY: Akut indlæggelse, barnet er på skadestuen");
    expect(isEmergencyPurpose(purpose)).toBe(true);
    expect(emergencyPurpose(undefined)).toBe("EMERGENCY:");
    expect(emergencyPurpose("y".repeat(3000)).length).toBeLessThanOrEqual("EMERGENCY: ".length + MAX_PURPOSE_LENGTH);
  });
});
