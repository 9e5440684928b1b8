import { serveUntilSignal } from "@samraad/subgraph-kit";
import { statistics } from "./app.ts";
import { scheduleExtraction } from "./extract/schedule.ts";

const instance = await serveUntilSignal(statistics, Number(process.env.STATISTICS_PORT ?? 4005));
scheduleExtraction(instance.client, instance.clock);
