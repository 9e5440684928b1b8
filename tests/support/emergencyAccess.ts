import { expect } from "vitest";
import type { Stack } from "./stack.ts";

/**
 * An emergency access found unjustified, arranged through the API for a test that is about
 * what follows (the alert): `opener` is first removed from the case's participants (the demo
 * world makes her a participant of her own cases), breaks the glass, and `reviewer`, a leader
 * of an organisation that owns the case, finds it UNJUSTIFIED. Returns the opening's id.
 */
export async function unjustifiedEmergencyAccess(
  stack: Stack,
  { caseId, opener, reviewer, reason }: { caseId: string; opener: string; reviewer: string; reason: string },
): Promise<string> {
  const boernehus = stack.subgraphs.boernehus.client;
  await boernehus.caseParticipant.deleteMany({ where: { caseId, sub: `persona:${opener}` } });
  const opened = await stack.query(opener, `mutation($input: OpenCaseInEmergencyInput!) { openCaseInEmergency(input: $input) { id } }`, {
    input: { caseId, reason },
  });
  expect(opened.errors).toBeUndefined();
  const access = await boernehus.emergencyAccess.findFirstOrThrow({ where: { caseId, sub: `persona:${opener}` } });
  const reviewed = await stack.query(
    reviewer,
    `mutation($input: ReviewEmergencyAccessInput!) { reviewEmergencyAccess(input: $input) { id } }`,
    { input: { id: access.id, outcome: "UNJUSTIFIED", note: "Ingen akut grund" } },
  );
  expect(reviewed.errors).toBeUndefined();
  return access.id;
}
