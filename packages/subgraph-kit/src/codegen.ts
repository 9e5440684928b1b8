import type { CodegenConfig } from "@graphql-codegen/cli";
import { readSubgraphSdl, type SharedSchemaSpec, writeSharedSchema } from "./sharedSchema.ts";

/**
 * GraphQL Codegen settings shared by the four subgraphs: resolver types are generated
 * from each schema.graphql, so a resolver that returns the wrong shape fails typecheck.
 *
 * Codegen's federation mode knows Federation 1 directives only, so the `@link` is
 * removed and the Federation 2 directives are declared for it; the schema that is
 * served is still built from the untouched file.
 */
const FEDERATION_2_DIRECTIVES = /* GraphQL */ `
  directive @shareable on OBJECT | FIELD_DEFINITION
  directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION
  directive @authenticated on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
  directive @requiresScopes(scopes: [[String!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
  directive @policy(policies: [[String!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
  directive @interfaceObject on OBJECT
`;

/**
 * Run in the subgraph's folder. `shared` names the blocks of packages/subgraph-kit/schema/ the
 * subgraph has: they are rendered first, so the types are generated from the whole schema.
 */
export function subgraphCodegenConfig(options: {
  mappers: Record<string, string>;
  shared?: SharedSchemaSpec;
  /** SDL rendered from a declaration (packages/statistics-catalogue), written after the shared blocks. */
  generated?: readonly string[];
}): CodegenConfig {
  if (options.shared || options.generated?.length) writeSharedSchema(".", options.shared, options.generated);
  const sdl = readSubgraphSdl("schema.graphql").replace(/extend\s+schema\s+@link\([\s\S]*?\)\s*\n/, "");
  return {
    schema: [FEDERATION_2_DIRECTIVES, sdl],
    generates: {
      "src/generated/graphql.ts": {
        plugins: ["typescript", "typescript-resolvers"],
        config: {
          federation: true,
          useTypeImports: true,
          enumsAsTypes: true,
          contextType: "../context.ts#Context",
          scalars: { DateTime: "Date", Date: "string" },
          mappers: options.mappers,
          avoidOptionals: { field: true, inputValue: false, object: false },
          maybeValue: "T | null",
          inputMaybeValue: "T | null | undefined",
        },
      },
    },
    errorsOnly: true,
  };
}
