import { serveUntilSignal } from "@samraad/subgraph-kit";
import { municipality } from "./app.ts";

await serveUntilSignal(municipality, Number(process.env.MUNICIPALITY_PORT ?? 4001));
