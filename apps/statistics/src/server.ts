import { loadConfig } from "@samraad/config";
import { serveUntilSignal } from "@samraad/subgraph-kit";
import { statistics } from "./app.ts";
import { scheduleExtraction } from "./extract/schedule.ts";

// The environment, parsed once: a wrong value stops the start here, naming the variable.
const config = loadConfig("statistics", statistics.environment);
const instance = await serveUntilSignal(statistics, config);
scheduleExtraction(instance.client, instance.clock, config);
