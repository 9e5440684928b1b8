import type { Principal } from "@samraad/access";

/** What every resolver in every subgraph gets. Subgraphs extend it with their data layer. */
export interface BaseContext {
  principal: Principal;
  scopes: string[];
  requestId: string;
}
