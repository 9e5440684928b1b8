import { describe, expect, it } from "vitest";
import { spreadsheetCsv } from "../src/domain/csv.ts";
import { describeError } from "../src/graphql/errors.ts";
import { translatePlural } from "../src/i18n/messages.ts";

describe("errors in the catalogue's words", () => {
  it("names the field by its label and writes the date the Danish way, never the API's text", () => {
    const error = {
      message: "dueAt (2020-01-01T09:00:00.000Z) cannot be before the samråd's scheduledAt (2026-03-02T09:00:00.000Z).",
      extensions: { code: "BAD_USER_INPUT", field: "dueAt" },
    };
    const { text, field } = describeError("da", error);
    expect(field).toBe("dueAt");
    expect(text).toBe("»Frist« kan ikke ligge før 2. mar. 2026, 10.00.");
    expect(text).not.toMatch(/dueAt|scheduledAt|T09|cannot/);
    expect(describeError("en", error).text).toBe("“Due” cannot be before 2 Mar 2026, 10:00.");
  });

  it("says a time in the future in Danish", () => {
    const text = describeError("da", {
      message: "heldAt cannot be in the future.",
      extensions: { code: "BAD_USER_INPUT", field: "heldAt" },
    }).text;
    expect(text).toBe("»Afholdt« kan ikke ligge ude i fremtiden.");
  });

  it("labels a measure's decision time, and gives a field without a label the general message", () => {
    const future = (field: string) =>
      describeError("da", { message: `${field} cannot be in the future.`, extensions: { code: "BAD_USER_INPUT", field } }).text;
    expect(future("decidedAt")).toBe("»Beslutningstidspunkt for foranstaltningen« kan ikke ligge ude i fremtiden.");
    expect(future("somethingNew")).toBe("Oplysningerne er ikke gyldige. Ret dem, og prøv igen.");
  });

  it("hides a refusal's coordinate and an emergency access's developer text", () => {
    expect(describeError("da", { message: "You may not see Query.boernehusCase.", extensions: { code: "FORBIDDEN" } }).text).toBe(
      "Du har ikke ret til at gøre dette i denne sag.",
    );
    const emergency = describeError("da", {
      message: "Emergency access is read-only: ask the samråd's coordinator to add you to the case.",
      extensions: { code: "FORBIDDEN" },
    }).text;
    expect(emergency).toMatch(/^Nødadgang giver kun læseadgang/);
  });

  it("tells the coordinator why the børnehus's last participant stays, and any other conflict to reload", () => {
    const last = describeError("da", {
      message: "Camilla Berg is the børnehus's only participant in the case: invite another of its people first.",
      extensions: { code: "CONFLICT" },
    }).text;
    expect(last).toBe("Personen er børnehusets eneste deltager i sagen. Invitér en anden fra børnehuset først.");
    expect(describeError("da", { message: "version 3 is stale", extensions: { code: "CONFLICT" } }).text).toMatch(/^En anden har ændret/);
  });

  it("gives an unknown code the generic message, and an internal error its reference", () => {
    expect(describeError("da", { message: "boom", extensions: { code: "SOMETHING_NEW" } }).text).toBe("Noget gik galt. Prøv igen om lidt.");
    expect(
      describeError("da", {
        message: "Something went wrong on our side. Reference: abc.",
        extensions: { code: "INTERNAL_SERVER_ERROR", reference: "abc" },
      }).text,
    ).toContain("abc");
  });
});

describe("plurals", () => {
  it("go through Intl.PluralRules", () => {
    expect(translatePlural("da", "cases.count", 1)).toBe("1 sag");
    expect(translatePlural("da", "cases.count", 3)).toBe("3 sager");
    expect(translatePlural("da", "statistics.caseworkers", 1)).toBe("1 sagsbehandler");
    expect(translatePlural("en", "statistics.caseworkers", 2)).toBe("2 caseworkers");
  });
});

describe("the statistics CSV for a spreadsheet", () => {
  const csv =
    "level;unitCode;unitName;coursesPer1000Children;coursesStarted\nMUNICIPALITY;0101;København;1.234;12\nMUNICIPALITY;0147;Frederiksberg;..;..\n";
  it("has a BOM, `;`, decimal commas and Danish headers in Danish", () => {
    const out = spreadsheetCsv(csv, "da");
    expect(out.startsWith("\uFEFF")).toBe(true);
    const lines = out.slice(1).trim().split("\r\n");
    expect(lines[0]).toBe("Niveau;Enhedskode;Enhed;Forløb pr. 1.000 børn;Forløb startet");
    expect(lines[1]).toBe("MUNICIPALITY;0101;København;1,234;12");
    expect(lines[2]).toBe("MUNICIPALITY;0147;Frederiksberg;..;..");
  });
  it("keeps decimal points in English", () => {
    expect(spreadsheetCsv(csv, "en").split("\r\n")[1]).toBe("MUNICIPALITY;0101;København;1.234;12");
  });
});
