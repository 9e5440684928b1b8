import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { GatewayConfigBase } from "@graphql-hive/gateway-runtime";
import { createGraphQLError } from "@graphql-tools/utils";
import type { AuthenticatedUser } from "../upstream/signUpstream.ts";

/** `{ "<sha256 hex of the text>": "<document text>" }`: what GraphQL Codegen's client preset writes. */
export type TrustedDocuments = Readonly<Record<string, string>>;

/**
 * Reads the manifest named by SAMRAAD_TRUSTED_DOCUMENTS and checks every entry: the key
 * must be the SHA-256 of its text, or the file was edited by hand (or tampered with),
 * and the gateway refuses to start rather than trust it.
 */
export function loadTrustedDocuments(path: string): TrustedDocuments {
  const parsed = JSON.parse(readFileSync(path, "utf8")) as unknown;
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed))
    throw new Error(`${path}: a trusted documents manifest is a JSON object.`);
  for (const [hash, text] of Object.entries(parsed)) {
    if (typeof text !== "string" || createHash("sha256").update(text).digest("hex") !== hash) {
      throw new Error(`${path}: entry ${hash.slice(0, 16)}… is not the SHA-256 of its document. Regenerate the manifest.`);
    }
  }
  return Object.freeze(parsed as Record<string, string>);
}

type PersistedDocumentsConfig = NonNullable<GatewayConfigBase<Record<string, unknown>>["persistedDocuments"]>;

/**
 * Trusted documents (contract with the web app): people may only run operations the
 * web app registered, sent as `extensions.persistedQuery.sha256Hash` (Apollo's APQ wire
 * format) without the text. Sector systems (principals with role `system`) may also
 * send documents of their own; the limits apply to them as to everyone.
 */
export function trustedDocumentsConfig(documents: TrustedDocuments, users: WeakMap<Request, AuthenticatedUser>): PersistedDocumentsConfig {
  return {
    getPersistedOperation: (hash: string) => (Object.hasOwn(documents, hash) ? documents[hash] : null),
    allowArbitraryDocuments: (request: Request) => users.get(request)?.principal.roles.includes("system") ?? false,
    customErrors: {
      persistedQueryOnly: () =>
        createGraphQLError(
          "Only registered operations are accepted here: send extensions.persistedQuery.sha256Hash without the query text. Sector systems may send their own operations.",
          { extensions: { code: "TRUSTED_DOCUMENT_REQUIRED", http: { status: 400 } } },
        ),
      notFound: () =>
        createGraphQLError("This operation is not registered with Samråd. Update the client, or register the operation.", {
          extensions: { code: "PERSISTED_QUERY_NOT_FOUND", http: { status: 400 } },
        }),
      keyNotFound: () =>
        createGraphQLError("Send a registered operation's hash in extensions.persistedQuery.sha256Hash.", {
          extensions: { code: "TRUSTED_DOCUMENT_REQUIRED", http: { status: 400 } },
        }),
    },
  } as PersistedDocumentsConfig;
}
