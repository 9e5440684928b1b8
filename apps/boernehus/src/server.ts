import { serveUntilSignal } from "@samraad/subgraph-kit";
import { boernehus } from "./app.ts";

await serveUntilSignal(boernehus, Number(process.env.BOERNEHUS_PORT ?? 4004));
