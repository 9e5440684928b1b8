import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";

/**
 * Keeps subgraph requests off the executor's long-lived dispose signal.
 *
 * @graphql-tools/executor-http 3.4 combines, for every subgraph request, a signal that lives as
 * long as the gateway (to abort in-flight requests on dispose) with the request's own signals
 * (@graphql-hive/signal's abortSignalAny). Each combination adds an "abort" listener to that
 * one signal, removed only after garbage collection finalises the combined signal. Under load
 * the list grows to thousands, and Node's addEventListener walks the whole list: measured as
 * 3.4% of the gateway's CPU in addEventListener alone, each call slower the longer the run.
 *
 * The executor leaves the dispose signal out when the incoming request carries `cf` (its
 * marker for Cloudflare Workers, where no such controller may be made); that is the only
 * place any package in the gateway reads `cf`. We do not need the dispose signal: stop()
 * closes the server and waits for requests in flight before disposing, and every subgraph
 * request is still bounded by the upstream timeout and the request deadline.
 * tests/performance/upstreamSignals.test.ts fails if an upgrade brings the growth back.
 */
export function useShortLivedUpstreamSignals(): GatewayPlugin {
  return {
    onRequest({ request }) {
      if (!("cf" in request)) Object.defineProperty(request, "cf", { value: {}, enumerable: false });
    },
  };
}
