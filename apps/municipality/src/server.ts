import { loadConfig } from "@samraad/config";
import { serveUntilSignal } from "@samraad/subgraph-kit";
import { municipality } from "./app.ts";

// The environment, parsed once: a wrong value stops the start here, naming the variable.
await serveUntilSignal(municipality, loadConfig("municipality", municipality.environment));
