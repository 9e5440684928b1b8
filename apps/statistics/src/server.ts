import { listenAddressFromEnv, serveUntilSignal } from "@samraad/subgraph-kit";
import { statistics } from "./app.ts";
import { scheduleExtraction } from "./extract/schedule.ts";

const instance = await serveUntilSignal(statistics, listenAddressFromEnv("statistics", 4005));
scheduleExtraction(instance.client, instance.clock);
