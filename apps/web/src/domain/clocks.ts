/**
 * Deadline clocks as traffic lights. Computed here from the dates the case already has
 * (until the clocks API computes them centrally): the 24-hour notification assessment,
 * the 1-week video interview (from the police report), the 4-month child assessment (BFU)
 * and the final note.
 */
export type ClockKind = "NOTIFICATION_ASSESSMENT" | "VIDEO_INTERVIEW" | "BFU" | "FINAL_NOTE";
export type ClockStatus = "ON_TIME" | "DUE_SOON" | "OVERDUE" | "MET" | "MISSED" | "NOT_STARTED";

export interface Clock {
  kind: ClockKind;
  status: ClockStatus;
  startedAt: string | null;
  dueAt: string | null;
  metAt: string | null;
}

const DAY = 86_400_000;

/** How near a deadline counts as "due soon": a quarter of its window, at least 12 hours. */
export function clockStatus(startedAt: string | null, dueAt: string | null, metAt: string | null, now = Date.now()): ClockStatus {
  if (!dueAt) return metAt ? "MET" : "NOT_STARTED";
  const due = Date.parse(dueAt);
  if (metAt) return Date.parse(metAt) <= due ? "MET" : "MISSED";
  if (now > due) return "OVERDUE";
  const window = startedAt ? due - Date.parse(startedAt) : 7 * DAY;
  return due - now <= Math.max(window / 4, DAY / 2) ? "DUE_SOON" : "ON_TIME";
}

export interface ClockInputs {
  notifications?: ReadonlyArray<{ receivedAt: string; assessmentDueAt: string; assessedAt: string | null }> | null;
  policeReportedAt?: string | null;
  interviews?: ReadonlyArray<{ status: string; heldAt: string | null }> | null;
  childAssessment?: { decidedAt: string; dueAt: string; completedAt: string | null } | null;
  finalNoteSentAt?: string | null;
  referralReceivedAt?: string | null;
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * DAY).toISOString();
}

export function caseClocks(input: ClockInputs, now = Date.now()): Clock[] {
  const clocks: Clock[] = [];
  const notifications = input.notifications ?? [];
  // The open notification if there is one (that is the one that can still go wrong), else the latest.
  const notification = notifications.find((n) => !n.assessedAt) ?? notifications[notifications.length - 1];
  if (notification) {
    clocks.push({
      kind: "NOTIFICATION_ASSESSMENT",
      startedAt: notification.receivedAt,
      dueAt: notification.assessmentDueAt,
      metAt: notification.assessedAt,
      status: clockStatus(notification.receivedAt, notification.assessmentDueAt, notification.assessedAt, now),
    });
  }
  if (input.policeReportedAt) {
    const held = (input.interviews ?? []).filter((i) => i.status === "HELD" && i.heldAt).map((i) => i.heldAt as string);
    const metAt = held.sort()[0] ?? null;
    const dueAt = addDays(input.policeReportedAt, 7);
    clocks.push({
      kind: "VIDEO_INTERVIEW",
      startedAt: input.policeReportedAt,
      dueAt,
      metAt,
      status: clockStatus(input.policeReportedAt, dueAt, metAt, now),
    });
  }
  if (input.childAssessment) {
    const { decidedAt, dueAt, completedAt } = input.childAssessment;
    clocks.push({ kind: "BFU", startedAt: decidedAt, dueAt, metAt: completedAt, status: clockStatus(decidedAt, dueAt, completedAt, now) });
  }
  clocks.push({
    kind: "FINAL_NOTE",
    startedAt: input.referralReceivedAt ?? null,
    dueAt: null,
    metAt: input.finalNoteSentAt ?? null,
    status: input.finalNoteSentAt ? "MET" : "NOT_STARTED",
  });
  return clocks;
}
