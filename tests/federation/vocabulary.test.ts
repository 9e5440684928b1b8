import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  CASE_DEVELOPMENT_KINDS,
  DECLINE_REASONS,
  INTERVENTION_LADDER,
  OTHER_SUPPORT_KINDS,
  RECOMMENDATION_KINDS,
  RESPONSE_KINDS,
} from "@samraad/access/vocabulary";
import { type EnumTypeDefinitionNode, Kind, parse } from "graphql";
import { describe, expect, it } from "vitest";

// The ordered vocabularies have one definition (packages/access/src/vocabulary.ts). The owning
// subgraph's GraphQL enum and Prisma enum are written out by hand (SDL and Prisma have no import),
// so this holds them to it: same values, and in the SDL the same order.
const app = (path: string) => readFileSync(fileURLToPath(new URL(`../../apps/${path}`, import.meta.url)), "utf8");

function graphqlEnum(owner: string, name: string): string[] {
  const node = parse(app(`${owner}/schema.graphql`)).definitions.find(
    (d): d is EnumTypeDefinitionNode => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === name,
  );
  return (node?.values ?? []).map((v) => v.name.value);
}

function prismaEnum(owner: string, name: string): string[] {
  const body = new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(app(`${owner}/prisma/schema.prisma`))?.[1] ?? "";
  return body
    .split("\n")
    .map((line) => line.replace(/\/\/.*/, "").trim())
    .filter(Boolean);
}

describe("one definition per vocabulary", () => {
  it.each([
    ["municipality", "MeasureKind", INTERVENTION_LADDER],
    ["municipality", "ResponseKind", RESPONSE_KINDS],
    ["municipality", "DeclineReason", DECLINE_REASONS],
    ["municipality", "OtherSupportKind", OTHER_SUPPORT_KINDS],
    ["boernehus", "CaseDevelopmentKind", CASE_DEVELOPMENT_KINDS],
    ["boernehus", "RecommendationKind", RECOMMENDATION_KINDS],
  ] as const)("%s's %s follows it: the GraphQL enum in order, the Prisma enum's values", (owner, name, values) => {
    expect(graphqlEnum(owner, name)).toEqual([...values]);
    expect(prismaEnum(owner, name).sort()).toEqual([...values].sort());
  });

  it("the municipality's CaseDevelopmentKind (stated, never stored there) follows it in order", () => {
    expect(graphqlEnum("municipality", "CaseDevelopmentKind")).toEqual([...CASE_DEVELOPMENT_KINDS]);
  });
});
