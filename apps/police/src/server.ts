import { listenAddressFromEnv, serveUntilSignal } from "@samraad/subgraph-kit";
import { police } from "./app.ts";

await serveUntilSignal(police, listenAddressFromEnv("police", 4002));
