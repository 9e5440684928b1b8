import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { createGraphQLError } from "@graphql-tools/utils";
import { type DocumentNode, type ExecutionResult, type FieldNode, type GraphQLError, Kind, type OperationDefinitionNode } from "graphql";

/** Each subgraph is one sector's system; the error names the sector the web app shows as missing. */
const SECTOR_OF: Record<string, { sector: string; reason: string; name: string }> = {
  municipality: { sector: "MUNICIPALITY", name: "The municipality's", reason: "Kommunens data er ikke tilgængelige lige nu." },
  police: { sector: "POLICE", name: "The police's", reason: "Politiets data er ikke tilgængelige lige nu." },
  health: { sector: "HEALTH", name: "Health care's", reason: "Sundhedsvæsenets data er ikke tilgængelige lige nu." },
  boernehus: { sector: "BOERNEHUS", name: "The børnehus's", reason: "Børnehusets data er ikke tilgængelige lige nu." },
};

/** Failures of the call itself (refused, reset, timed out, a 5xx without a GraphQL answer), not the subgraph's own errors. */
function unavailability(error: GraphQLError): "timeout" | "unreachable" | null {
  const extensions = (error.extensions ?? {}) as { code?: unknown; http?: { status?: number } };
  const original = error.originalError as { name?: string } | undefined;
  if (extensions.code === "TIMEOUT_ERROR" || original?.name === "TimeoutError" || extensions.http?.status === 504) return "timeout";
  if (extensions.code === "SUBREQUEST_HTTP_ERROR" || extensions.code === "DOWNSTREAM_SERVICE_ERROR") return "unreachable";
  return null;
}

/** The first field an `_entities` request asks of its entities (e.g. `policeReport`), if it is one. */
function firstEntityField(document: DocumentNode): string | undefined {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const entities = operation?.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === "_entities");
  for (const selection of entities?.selectionSet?.selections ?? []) {
    if (selection.kind !== Kind.INLINE_FRAGMENT) continue;
    const field = selection.selectionSet.selections.find((f): f is FieldNode => f.kind === Kind.FIELD && f.name.value !== "__typename");
    if (field) return field.alias?.value ?? field.name.value;
  }
  return undefined;
}

export const SUBGRAPH_UNAVAILABLE = "SUBGRAPH_UNAVAILABLE";

/**
 * A sector's subgraph that is down or too slow must not take the whole answer with it:
 * the other sectors' data stands, and each field the missing sector would have given
 * is null with one clear error at its path: code SUBGRAPH_UNAVAILABLE, which sector,
 * and a Danish sentence the web app can show. Never the subgraph's URL, the request
 * sent to it, or a stack (the transport's own error carries all three).
 */
export function useSubgraphUnavailable(): GatewayPlugin {
  return {
    onSubgraphExecute({ subgraphName, executionRequest }) {
      const entityField = firstEntityField(executionRequest.document);
      const about = SECTOR_OF[subgraphName] ?? {
        sector: "UNKNOWN",
        name: "A sector's",
        reason: "Data fra en sektor er ikke tilgængelige lige nu.",
      };
      const clean = (result: ExecutionResult): ExecutionResult | null => {
        if (!result.errors?.some((e) => unavailability(e as GraphQLError))) return null;
        return {
          ...result,
          errors: result.errors.map((e) => {
            const cause = unavailability(e as GraphQLError);
            if (!cause) return e;
            return createGraphQLError(
              `${about.name} data is not available right now (${cause === "timeout" ? "the system did not answer in time" : "the system cannot be reached"}); the rest of the answer stands. Try again shortly.`,
              {
                // The Rust planner leaves a failed call without a path (so the error lands on the
                // case itself); as with the JavaScript planner, it belongs to the field the sector gives.
                path: e.path ?? (entityField ? ["_entities", 0, entityField] : undefined),
                extensions: { code: SUBGRAPH_UNAVAILABLE, subgraph: subgraphName, sector: about.sector, cause, reason: about.reason },
              },
            );
          }),
        };
      };
      return ({ result, setResult }) => {
        if (Symbol.asyncIterator in result) {
          return {
            onNext: ({ result: next, setResult: setNext }) => {
              const cleaned = clean(next);
              if (cleaned) setNext(cleaned);
            },
          };
        }
        const cleaned = clean(result);
        if (cleaned) setResult(cleaned);
      };
    },
  } as GatewayPlugin;
}
