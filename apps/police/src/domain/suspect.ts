import { nonEmpty } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { inTransaction } from "../data/client.ts";
import { reportOrNotFound } from "../data/find.ts";
import type { SuspectRow } from "../data/rows.ts";
import { createSuspect } from "../data/suspect.ts";
import type { RecordSuspectInput } from "../generated/graphql.ts";

/** A suspect is recorded on a report of the principal's own district, named (at most 200 characters). */
export function recordSuspect(ctx: Context, input: RecordSuspectInput): Promise<SuspectRow> {
  return inTransaction(ctx.db, async (tx) => {
    const report = await reportOrNotFound(tx, ctx, input.policeReportId);
    return createSuspect(tx, report, { name: nonEmpty(input.name, "name", 200), relation: input.relation });
  });
}
