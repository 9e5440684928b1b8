import { listenAddressFromEnv, serveUntilSignal } from "@samraad/subgraph-kit";
import { boernehus } from "./app.ts";

await serveUntilSignal(boernehus, listenAddressFromEnv("boernehus", 4004));
