import type { Principal } from "@samraad/access";
import { assertUuid, notFound } from "@samraad/subgraph-kit";
import { policeOfDistrict } from "../domain/access.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { PoliceReportRow, VideoInterviewRow } from "./rows.ts";

export type Tx = Prisma.TransactionClient;

/**
 * The verified access every write of the police's own records takes (issue 19): the
 * principal, whose organisation rule (the police district that owns the report) each
 * record a write names is checked against here. Ids are validated first (BAD_USER_INPUT
 * naming the field); a report of another district is answered like one that does not
 * exist: NOT_FOUND, the same message.
 */
export interface PoliceAccess {
  principal: Principal;
}

export async function reportOrNotFound(tx: Tx, access: PoliceAccess, id: string, field = "policeReportId"): Promise<PoliceReportRow> {
  const report = await tx.policeReport.findUnique({ where: { id: assertUuid(id, field) } });
  if (!report || !policeOfDistrict(access.principal, report.district)) throw notFound("The police report");
  return report;
}

export async function interviewOrNotFound(tx: Tx, access: PoliceAccess, id: string, field = "interviewId"): Promise<VideoInterviewRow> {
  const row = await tx.videoInterview.findUnique({ where: { id: assertUuid(id, field) }, include: { policeReport: true } });
  if (!row || !policeOfDistrict(access.principal, row.policeReport.district)) throw notFound("The video interview");
  const { policeReport: _report, ...interview } = row;
  return interview;
}
