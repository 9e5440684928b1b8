import { listenAddressFromEnv, serveUntilSignal } from "@samraad/subgraph-kit";
import { municipality } from "./app.ts";

await serveUntilSignal(municipality, listenAddressFromEnv("municipality", 4001));
