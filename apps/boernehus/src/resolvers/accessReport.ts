import { sectorAccessReport } from "@samraad/subgraph-kit";
import type { AccessReportResolvers } from "../generated/graphql.ts";

// This sector's part of the data protection officer's access report for one child.
export const AccessReport = sectorAccessReport("boernehusLog") as AccessReportResolvers;
