import { listenAddressFromEnv, serveUntilSignal } from "@samraad/subgraph-kit";
import { health } from "./app.ts";

await serveUntilSignal(health, listenAddressFromEnv("health", 4003));
