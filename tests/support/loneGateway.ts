import {
  composeSupergraph,
  createDevIssuer,
  createVerifier,
  type GatewayOptions,
  type RunningGateway,
  startGateway,
} from "@samraad/gateway";
import { testInternalSigningKey } from "@samraad/subgraph-kit";
import { PERSONAS } from "@samraad/synthetic";

/** Nothing listens here (the discard port): a gateway test that must never reach a subgraph. */
const NOWHERE = "http://127.0.0.1:9/graphql";

/**
 * Gateways without subgraphs, for what the gateway decides alone (rate limits, trusted
 * documents, refusals at the door): every operation below the root fails upstream,
 * `{ __typename }` is answered by the gateway itself. Much faster than startStack.
 */
export async function loneGateways() {
  const internalSigningKey = await testInternalSigningKey();
  const devIssuer = await createDevIssuer(PERSONAS);
  const supergraphSdl = composeSupergraph();
  const started: RunningGateway[] = [];
  return {
    async start(settings: Partial<Omit<GatewayOptions, "supergraphSdl" | "verifyToken" | "devIssuer">> = {}) {
      const gateway = await startGateway({
        supergraphSdl,
        subgraphUrls: { municipality: NOWHERE, police: NOWHERE, health: NOWHERE, boernehus: NOWHERE, statistics: NOWHERE },
        devIssuer,
        verifyToken: createVerifier([devIssuer.trusted]),
        internalSigningKey,
        ...settings,
      });
      started.push(gateway);
      return gateway;
    },
    async token(persona: string) {
      const issued = await devIssuer.issue(persona);
      if (!issued) throw new Error(`unknown persona ${persona}`);
      return issued.token;
    },
    async stop() {
      await Promise.all(started.map((g) => g.stop()));
    },
  };
}
