import type { CodegenConfig } from "@graphql-codegen/cli";
import { addTypenameSelectionDocumentTransform } from "@graphql-codegen/client-preset";

/**
 * Typed operations for the web app, from the checked-in supergraph (the graph the gateway
 * serves). The client preset also writes persisted-documents.json ({ "<sha256>": "<document>" }),
 * the trusted-documents manifest the gateway loads in production (SAMRAAD_TRUSTED_DOCUMENTS).
 */
const config: CodegenConfig = {
  schema: "../gateway/supergraph.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/generated/**"],
  ignoreNoDocuments: true,
  generates: {
    "src/generated/": {
      preset: "client",
      // __typename in every selection, in the manifest too: urql's cache invalidates by type
      // after a mutation, also when production sends only the hash.
      documentTransforms: [addTypenameSelectionDocumentTransform],
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { hashAlgorithm: "sha256" },
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: "string", Date: "string" },
        avoidOptionals: { field: true, inputValue: false, object: false },
      },
    },
  },
  errorsOnly: true,
};

export default config;
