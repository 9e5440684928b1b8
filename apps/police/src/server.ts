import { loadConfig } from "@samraad/config";
import { serveUntilSignal } from "@samraad/subgraph-kit";
import { police } from "./app.ts";

// The environment, parsed once: a wrong value stops the start here, naming the variable.
await serveUntilSignal(police, loadConfig("police", police.environment));
