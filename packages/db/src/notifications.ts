import pg from "pg";

/**
 * LISTEN/NOTIFY for the live events (docs/live.md). A subgraph's writes NOTIFY on its own
 * database inside their transaction, so an event leaves only when the write commits; each
 * replica LISTENs on its own connection and PostgreSQL hands every notification to all.
 *
 * The embedded PGlite is one backend session behind pglite-socket: a NotificationResponse
 * goes out on the connection that happened to run the COMMIT, never to a listening
 * connection, so LISTEN over the socket does not work. Its equivalent (one process, one
 * session, so "every replica" is this one): the session itself LISTENs, and the raw
 * protocol bytes the session queue forwards are read for NotificationResponse messages
 * (see NotificationScanner, sessionQueue.ts). Same SQL, same commit semantics.
 */
export type NotificationHandler = (channel: string, payload: string) => void;

export interface EmbeddedNotifications {
  /** Runs `LISTEN channel` on the embedded session (through its queue) and reports each notification. */
  listen(channel: string, handler: NotificationHandler): Promise<() => Promise<void>>;
}

const embedded = new Map<string, EmbeddedNotifications>();

/** embedded.ts registers each PGlite it serves under its URL. */
export function registerEmbeddedNotifications(url: string, notifications: EmbeddedNotifications | null): void {
  if (notifications) embedded.set(url, notifications);
  else embedded.delete(url);
}

export interface Listener {
  /** "pglite-session" for the embedded database, "postgres" for a real LISTEN connection. */
  kind: "pglite-session" | "postgres";
  close(): Promise<void>;
}

/**
 * Listens on `channel` of the database at `url`. On PostgreSQL a dedicated connection of its
 * own (a pooled one could be handed back mid-LISTEN), reconnected after an error with a
 * short back-off; `onReconnect` lets the caller tell its subscribers that events may have
 * been missed (they refetch).
 */
export async function listen(
  url: string,
  channel: string,
  handler: (payload: string) => void,
  onReconnect: () => void = () => {},
): Promise<Listener> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
  const local = embedded.get(url);
  if (local) {
    const stop = await local.listen(channel, (got, payload) => {
      if (got === channel) handler(payload);
    });
    return { kind: "pglite-session", close: stop };
  }
  let closed = false;
  let client: pg.Client | null = null;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on("notification", (message) => {
      if (message.channel === channel) handler(message.payload ?? "");
    });
    next.on("error", () => {
      if (closed) return;
      client = null;
      next.end().catch(() => {});
      setTimeout(() => void reconnect(), 500).unref();
    });
    await next.connect();
    await next.query(`LISTEN ${channel}`);
    client = next;
  };
  const reconnect = async () => {
    if (closed || client) return;
    try {
      await connect();
      onReconnect();
    } catch {
      setTimeout(() => void reconnect(), 1_000).unref();
    }
  };
  await connect();
  return {
    kind: "postgres",
    async close() {
      closed = true;
      await client?.end().catch(() => {});
      client = null;
    },
  };
}

const NOTIFICATION = 0x41; // 'A': NotificationResponse

/**
 * Reads PostgreSQL backend messages out of a byte stream split into arbitrary chunks and
 * reports each NotificationResponse. Other messages are skipped by their length.
 */
export class NotificationScanner {
  private pending: Buffer = Buffer.alloc(0);

  constructor(private readonly onNotification: NotificationHandler) {}

  feed(chunk: Uint8Array): void {
    let data = this.pending.length ? Buffer.concat([this.pending, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let at = 0;
    while (data.length - at >= 5) {
      const length = data.readInt32BE(at + 1);
      if (data.length - at < 1 + length) break;
      if (data[at] === NOTIFICATION) {
        const body = data.subarray(at + 9, at + 1 + length); // after type, length and the sender's pid
        const end = body.indexOf(0);
        const channel = body.subarray(0, end).toString("utf8");
        const payload = body.subarray(end + 1, body.indexOf(0, end + 1)).toString("utf8");
        this.onNotification(channel, payload);
      }
      at += 1 + length;
    }
    data = data.subarray(at);
    this.pending = data.length ? Buffer.from(data) : Buffer.alloc(0);
  }

  /** A new exchange starts on a message boundary. */
  reset(): void {
    this.pending = Buffer.alloc(0);
  }
}
