import { serveUntilSignal } from "@samraad/subgraph-kit";
import { health } from "./app.ts";

await serveUntilSignal(health, Number(process.env.HEALTH_PORT ?? 4003));
