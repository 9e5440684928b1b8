import { serveUntilSignal } from "@samraad/subgraph-kit";
import { police } from "./app.ts";

await serveUntilSignal(police, Number(process.env.POLICE_PORT ?? 4002));
