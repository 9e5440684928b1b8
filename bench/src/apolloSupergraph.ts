import { type ASTNode, Kind, parse, print, visit } from "graphql";

/** The access directives Samråd's gateway enforces and @apollo/gateway cannot load (for: SECURITY features). */
const AUTH_DIRECTIVES = new Set(["requiresScopes", "authenticated", "policy"]);
const AUTH_SPECS = /specs\.apollo\.dev\/(requiresScopes|authenticated|policy)\//;

/**
 * The same supergraph without the auth directives, for the @apollo/gateway peer: their
 * @link, definitions, scalars and every use go. The subgraphs still check their own rules
 * (they re-check each field and the case grant), so the peer sees the same data.
 */
export function stripAuthDirectives(supergraphSdl: string): string {
  const stripped = visit(parse(supergraphSdl), {
    Directive(node) {
      if (AUTH_DIRECTIVES.has(node.name.value)) return null;
      if (node.name.value === "link") {
        const url = node.arguments?.find((a) => a.name.value === "url")?.value;
        if (url?.kind === Kind.STRING && AUTH_SPECS.test(url.value)) return null;
      }
      return undefined;
    },
    DirectiveDefinition(node) {
      return AUTH_DIRECTIVES.has(node.name.value) ? null : undefined;
    },
    ScalarTypeDefinition(node) {
      return [...AUTH_DIRECTIVES].some((d) => node.name.value.startsWith(`${d}__`)) ? null : undefined;
    },
  }) as ASTNode;
  return print(stripped);
}
