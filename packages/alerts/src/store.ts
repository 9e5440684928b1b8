import { createHash, randomUUID } from "node:crypto";
import { claimPeriodicJob } from "@samraad/subgraph-kit";
import { type EndpointPolicy, endpointPolicy } from "./endpointAddress.ts";
import { newEndpointSecret } from "./signature.ts";

/** The little of a Prisma client the store needs: raw SQL and interactive transactions. */
export interface RawSql {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}
export interface RawClient extends RawSql {
  // biome-ignore lint/suspicious/noExplicitAny: Prisma's transaction client type differs per subgraph
  $transaction<R>(fn: (tx: any) => Promise<R>): Promise<R>;
}

/** Whom an alert is for: one person, or everyone with one of the roles in the organisation. */
export type AlertRecipient = { sub: string } | { roles: string[] };

export interface AlertDraft {
  kind: string;
  caseId: string;
  /** The record whose step is due (a police report, a case). */
  subjectId: string;
  dueAt: Date;
  sector: string;
  organisation: string;
  recipient: AlertRecipient;
}

export interface AlertView {
  id: string;
  kind: string;
  caseId: string;
  subjectId: string;
  dueAt: Date;
  raisedAt: Date;
  readAt: Date | null;
  acknowledgedAt: Date | null;
}

/** The reader: the principal's subject, sector, organisation and roles. */
export interface Reader {
  sub: string;
  sector: string;
  organisation: string;
  roles: readonly string[];
}

export interface EndpointView {
  id: string;
  url: string;
  organisation: string;
  active: boolean;
  createdAt: Date;
}

export interface AttemptView {
  attempt: number;
  at: Date;
  statusCode: number | null;
  error: string | null;
}

export interface DeliveryView {
  id: string;
  endpointId: string;
  endpointUrl: string;
  eventId: string;
  kind: string;
  caseId: string;
  status: "PENDING" | "DELIVERED" | "FAILED";
  attempts: AttemptView[];
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

/** One event for the sector systems: ids and kinds only, never personal data. */
export interface WebhookEvent {
  id: string;
  type: "alert.raised";
  kind: string;
  caseId: string;
  subjectId: string;
  dueAt: string;
  raisedAt: string;
  sector: string;
  organisation: string;
}

/** The same step gives the same event id, however many people the alert is for. */
function eventId(kind: string, subjectId: string, sector: string, organisation: string): string {
  const h = createHash("sha256").update(`${kind}|${subjectId}|${sector}|${organisation}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const READABLE = `(a.recipient_sub = $1 OR (a.recipient_sub = '' AND a.recipient_sector = $2 AND a.recipient_org = $3
  AND a.recipient_roles && ARRAY(SELECT jsonb_array_elements_text($4::jsonb))))`;

type AlertRow = {
  id: string;
  kind: string;
  case_id: string;
  subject_id: string;
  due_at: Date;
  raised_at: Date;
  read_at: Date | null;
  acknowledged_at: Date | null;
};
const toView = (r: AlertRow): AlertView => ({
  id: r.id,
  kind: r.kind,
  caseId: r.case_id,
  subjectId: r.subject_id,
  dueAt: new Date(r.due_at),
  raisedAt: new Date(r.raised_at),
  readAt: r.read_at ? new Date(r.read_at) : null,
  acknowledgedAt: r.acknowledged_at ? new Date(r.acknowledged_at) : null,
});

const readerParams = (reader: Reader) => [reader.sub, reader.sector, reader.organisation, JSON.stringify(reader.roles)];

/**
 * Alerts, their receipts and the webhook deliveries, in samraad_meta of the subgraph's own
 * database (packages/db/platform-migrations). Every schedule and delivery state is a row,
 * so replicas share it.
 */
export class AlertStore {
  /**
   * `webhookPolicy`: where webhooks may be registered and delivered (the service's config, see
   * endpointPolicy); default: no network beyond the public internet, outside production.
   */
  constructor(
    private readonly db: RawClient,
    readonly webhookPolicy: EndpointPolicy = endpointPolicy([], false),
  ) {}

  /**
   * Records the alerts not raised before (one per step and recipient) and, in the same
   * transaction, one delivery per active endpoint of the recipient organisation.
   */
  async raise(drafts: AlertDraft[], now: Date): Promise<AlertView[]> {
    if (drafts.length === 0) return [];
    return this.db.$transaction(async (tx: RawSql) => {
      const raised: AlertView[] = [];
      for (const d of drafts) {
        const sub = "sub" in d.recipient ? d.recipient.sub : "";
        const roles = "roles" in d.recipient ? d.recipient.roles : [];
        const rows = await tx.$queryRawUnsafe<AlertRow[]>(
          `INSERT INTO samraad_meta.alert (id, kind, case_id, subject_id, due_at, raised_at, recipient_sector, recipient_org, recipient_sub, recipient_roles)
           VALUES ($1::uuid, $2, $3::uuid, $4, $5, $6, $7, $8, $9, ARRAY(SELECT jsonb_array_elements_text($10::jsonb)))
           ON CONFLICT DO NOTHING
           RETURNING id::text, kind, case_id::text, subject_id, due_at, raised_at, NULL::timestamptz AS read_at, NULL::timestamptz AS acknowledged_at`,
          randomUUID(),
          d.kind,
          d.caseId,
          d.subjectId,
          d.dueAt,
          now,
          d.sector,
          d.organisation,
          sub,
          JSON.stringify(roles),
        );
        const row = rows[0];
        if (!row) continue;
        const alert = toView(row);
        raised.push(alert);
        const event: WebhookEvent = {
          id: eventId(d.kind, d.subjectId, d.sector, d.organisation),
          type: "alert.raised",
          kind: d.kind,
          caseId: d.caseId,
          subjectId: d.subjectId,
          dueAt: d.dueAt.toISOString(),
          raisedAt: now.toISOString(),
          sector: d.sector,
          organisation: d.organisation,
        };
        await tx.$executeRawUnsafe(
          `INSERT INTO samraad_meta.webhook_delivery (id, endpoint_id, event_id, payload, status, attempts, next_attempt_at, created_at)
           SELECT gen_random_uuid(), e.id, $1::uuid, $2, 'PENDING', 0, $3, $3
             FROM samraad_meta.webhook_endpoint e
            WHERE e.active AND e.sector = $4 AND e.organisation = $5
           ON CONFLICT DO NOTHING`,
          event.id,
          JSON.stringify(event),
          now,
          d.sector,
          d.organisation,
        );
      }
      return raised;
    });
  }

  /** The reader's alerts, newest due first; `unacknowledgedOnly` leaves out what they acknowledged. */
  async forReader(reader: Reader, options: { unacknowledgedOnly: boolean; first: number }): Promise<AlertView[]> {
    const rows = await this.db.$queryRawUnsafe<AlertRow[]>(
      `SELECT a.id::text, a.kind, a.case_id::text, a.subject_id, a.due_at, a.raised_at, r.read_at, r.acknowledged_at
         FROM samraad_meta.alert a
         LEFT JOIN samraad_meta.alert_receipt r ON r.alert_id = a.id AND r.sub = $1
        WHERE ${READABLE} AND ($5::boolean = false OR r.acknowledged_at IS NULL)
        ORDER BY a.due_at DESC, a.id
        LIMIT $6`,
      ...readerParams(reader),
      options.unacknowledgedOnly,
      options.first,
    );
    return rows.map(toView);
  }

  /** Marks one of the reader's alerts read or acknowledged; null when it is not theirs (or does not exist). */
  async mark(reader: Reader, alertId: string, what: "read" | "acknowledged", now: Date): Promise<AlertView | null> {
    return this.db.$transaction(async (tx: RawSql) => {
      const mine = await tx.$queryRawUnsafe<AlertRow[]>(
        `SELECT a.id::text FROM samraad_meta.alert a WHERE a.id = $5::uuid AND ${READABLE}`,
        ...readerParams(reader),
        alertId,
      );
      if (mine.length === 0) return null;
      // Acknowledging reads it too; the first time of each is kept.
      await tx.$executeRawUnsafe(
        `INSERT INTO samraad_meta.alert_receipt (alert_id, sub, read_at, acknowledged_at)
         VALUES ($1::uuid, $2, $3::timestamptz, CASE WHEN $4::boolean THEN $3::timestamptz END)
         ON CONFLICT (alert_id, sub) DO UPDATE SET
           read_at = COALESCE(samraad_meta.alert_receipt.read_at, EXCLUDED.read_at),
           acknowledged_at = COALESCE(samraad_meta.alert_receipt.acknowledged_at, EXCLUDED.acknowledged_at)`,
        alertId,
        reader.sub,
        now,
        what === "acknowledged",
      );
      const rows = await tx.$queryRawUnsafe<AlertRow[]>(
        `SELECT a.id::text, a.kind, a.case_id::text, a.subject_id, a.due_at, a.raised_at, r.read_at, r.acknowledged_at
           FROM samraad_meta.alert a JOIN samraad_meta.alert_receipt r ON r.alert_id = a.id AND r.sub = $2
          WHERE a.id = $1::uuid`,
        alertId,
        reader.sub,
      );
      return rows[0] ? toView(rows[0]) : null;
    });
  }

  /** Claims a periodic job: true for the one replica that moved its next run on. */
  claimJob(name: string, now: Date, everyMs: number): Promise<boolean> {
    return claimPeriodicJob(this.db, name, now, everyMs);
  }

  async registerEndpoint(input: { sector: string; organisation: string; url: string; createdBySub: string }, now: Date) {
    const endpoint = {
      id: randomUUID(),
      secret: newEndpointSecret(),
      url: input.url,
      organisation: input.organisation,
      active: true,
      createdAt: now,
    };
    await this.db.$executeRawUnsafe(
      `INSERT INTO samraad_meta.webhook_endpoint (id, sector, organisation, url, secret, created_by_sub, created_at, active)
       VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, true)`,
      endpoint.id,
      input.sector,
      input.organisation,
      input.url,
      endpoint.secret,
      input.createdBySub,
      now,
    );
    return endpoint;
  }

  async endpoints(sector: string, organisation: string): Promise<EndpointView[]> {
    const rows = await this.db.$queryRawUnsafe<Array<{ id: string; url: string; organisation: string; active: boolean; created_at: Date }>>(
      `SELECT id::text, url, organisation, active, created_at FROM samraad_meta.webhook_endpoint
        WHERE sector = $1 AND organisation = $2 ORDER BY created_at`,
      sector,
      organisation,
    );
    return rows.map((r) => ({ id: r.id, url: r.url, organisation: r.organisation, active: r.active, createdAt: new Date(r.created_at) }));
  }

  /** The delivery log of an organisation's endpoints, newest first, with every attempt. */
  async deliveries(sector: string, organisation: string, first: number): Promise<DeliveryView[]> {
    const rows = await this.db.$queryRawUnsafe<
      Array<{
        id: string;
        endpoint_id: string;
        url: string;
        event_id: string;
        payload: string;
        status: DeliveryView["status"];
        next_attempt_at: Date;
        delivered_at: Date | null;
        created_at: Date;
        attempts: Array<{ attempt: number; at: string; status_code: number | null; error: string | null }> | string;
      }>
    >(
      `SELECT d.id::text, d.endpoint_id::text, e.url, d.event_id::text, d.payload, d.status, d.next_attempt_at, d.delivered_at, d.created_at,
              COALESCE((SELECT json_agg(json_build_object('attempt', a.attempt, 'at', a.at, 'status_code', a.status_code, 'error', a.error) ORDER BY a.attempt)
                          FROM samraad_meta.webhook_attempt a WHERE a.delivery_id = d.id), '[]'::json)::text AS attempts
         FROM samraad_meta.webhook_delivery d JOIN samraad_meta.webhook_endpoint e ON e.id = d.endpoint_id
        WHERE e.sector = $1 AND e.organisation = $2
        ORDER BY d.created_at DESC, d.id
        LIMIT $3`,
      sector,
      organisation,
      first,
    );
    return rows.map((r) => {
      const event = JSON.parse(r.payload) as WebhookEvent;
      const attempts = (typeof r.attempts === "string" ? JSON.parse(r.attempts) : r.attempts) as Array<{
        attempt: number;
        at: string;
        status_code: number | null;
        error: string | null;
      }>;
      return {
        id: r.id,
        endpointId: r.endpoint_id,
        endpointUrl: r.url,
        eventId: r.event_id,
        kind: event.kind,
        caseId: event.caseId,
        status: r.status,
        attempts: attempts.map((a) => ({ attempt: a.attempt, at: new Date(a.at), statusCode: a.status_code, error: a.error })),
        nextAttemptAt: r.status === "PENDING" ? new Date(r.next_attempt_at) : null,
        deliveredAt: r.delivered_at ? new Date(r.delivered_at) : null,
        createdAt: new Date(r.created_at),
      };
    });
  }

  /**
   * Claims due deliveries for one worker: rows another replica holds are skipped, and the
   * claim is a lease (next_attempt_at moves on), so a worker that dies mid-delivery only
   * delays it.
   */
  async claimDeliveries(now: Date, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
    return this.db.$queryRawUnsafe<ClaimedDelivery[]>(
      `UPDATE samraad_meta.webhook_delivery d SET attempts = d.attempts + 1, next_attempt_at = $2
         FROM samraad_meta.webhook_endpoint e
        WHERE e.id = d.endpoint_id
          AND d.id IN (SELECT id FROM samraad_meta.webhook_delivery
                        WHERE status = 'PENDING' AND next_attempt_at <= $1
                        ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
        RETURNING d.id::text AS id, d.event_id::text AS "eventId", d.payload, d.attempts AS attempt, e.url, e.secret`,
      now,
      new Date(now.getTime() + leaseMs),
      limit,
    );
  }

  /** Logs one attempt and moves the delivery on: delivered, retried after `retryAt`, or given up (null). */
  async recordAttempt(delivery: ClaimedDelivery, result: AttemptResult, now: Date, retryAt: Date | null): Promise<void> {
    await this.db.$transaction(async (tx: RawSql) => {
      await tx.$executeRawUnsafe(
        "INSERT INTO samraad_meta.webhook_attempt (delivery_id, attempt, at, status_code, error) VALUES ($1::uuid, $2, $3, $4, $5)",
        delivery.id,
        delivery.attempt,
        now,
        result.statusCode,
        result.error,
      );
      if (result.ok) {
        await tx.$executeRawUnsafe(
          "UPDATE samraad_meta.webhook_delivery SET status = 'DELIVERED', delivered_at = $2 WHERE id = $1::uuid",
          delivery.id,
          now,
        );
      } else if (retryAt) {
        await tx.$executeRawUnsafe(
          "UPDATE samraad_meta.webhook_delivery SET next_attempt_at = $2 WHERE id = $1::uuid",
          delivery.id,
          retryAt,
        );
      } else {
        await tx.$executeRawUnsafe("UPDATE samraad_meta.webhook_delivery SET status = 'FAILED' WHERE id = $1::uuid", delivery.id);
      }
    });
  }
}

export interface ClaimedDelivery {
  id: string;
  eventId: string;
  payload: string;
  attempt: number;
  url: string;
  secret: string;
}

export interface AttemptResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}
