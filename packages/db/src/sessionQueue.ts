import type { PGlite } from "@electric-sql/pglite";
import { type NotificationHandler, NotificationScanner } from "./notifications.ts";

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  onData(data: Uint8Array): void;
  resolve(bytes: number): void;
  reject(error: unknown): void;
}

const SYNC = 0x53; // 'S': ends an extended-protocol sequence
const QUERY = 0x51; // 'Q': a simple query, complete in itself
const TERMINATE = 0x58; // 'X'
/** The queue's own handler id for its LISTEN (pglite-socket numbers connections from 1). */
const LISTENER_HANDLER = -1;

/** A simple-protocol Query message. */
function simpleQuery(sql: string): Uint8Array {
  const text = Buffer.from(`${sql}\0`, "utf8");
  const message = Buffer.alloc(5 + text.length);
  message[0] = QUERY;
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return message;
}

/**
 * Does the connection that sent `message` keep PGlite's one session after it? Inside a
 * transaction, always; otherwise from the first message of an extended-protocol sequence
 * (Parse, Bind, Describe, Execute, Flush …) until its Sync. Start-up messages have no type
 * byte (they begin with a length, so a 0 byte) and, like Sync and simple queries, end a turn.
 */
function keepsSession(message: Uint8Array, inTransaction: boolean): boolean {
  if (inTransaction) return true;
  const type = message[0];
  return !(type === 0 || type === SYNC || type === QUERY || type === TERMINATE);
}

/**
 * The wire-message queue between pglite-socket's connections and the single PGlite session.
 *
 * Why our own: pglite-socket 0.2.17's queue gives the session to whichever connection's next
 * message comes first, except inside a transaction. Two connections' Parse/Bind/Execute/Sync
 * sequences then interleave, and one binds to the other's unnamed statement ("bind message
 * supplies 1 parameters, but prepared statement "" requires 2", "portal "" does not exist"):
 * random failures under concurrent load. A real server gives each connection its own session;
 * the nearest PGlite can offer is to let a connection hold the session from the start of a
 * sequence to its Sync (or to the end of its transaction). Same interface as the original,
 * which the server hands to every connection it accepts.
 */
export class SessionQueue {
  private queue: QueuedMessage[] = [];
  private processing = false;
  private owner: number | null = null;

  /** Who hears the session's notifications (see notifications.ts): scanned only while someone listens. */
  private readonly handlers = new Set<NotificationHandler>();
  private readonly scanner = new NotificationScanner((channel, payload) => {
    for (const handler of this.handlers) queueMicrotask(() => handler(channel, payload));
  });

  constructor(private readonly db: PGlite) {}

  /**
   * LISTENs on the one session, queued like any connection's simple query (so never inside
   * another connection's transaction), and reports the notifications that leave the session
   * on whichever connection's output they ride.
   */
  async listen(channel: string, handler: NotificationHandler): Promise<() => Promise<void>> {
    await this.enqueue(LISTENER_HANDLER, simpleQuery(`LISTEN ${channel}`), () => {});
    this.handlers.add(handler);
    return async () => {
      this.handlers.delete(handler);
    };
  }

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  /** A connection went away: its waiting messages fail, and it no longer holds the session. */
  clearQueueForHandler(handlerId: number): void {
    this.queue = this.queue.filter((item) => {
      if (item.handlerId !== handlerId) return true;
      item.reject(new Error("Handler disconnected"));
      return false;
    });
  }

  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    this.owner = null;
    await this.process();
  }

  private next(): QueuedMessage | undefined {
    if (this.owner === null) return this.queue.shift();
    const index = this.queue.findIndex((item) => item.handlerId === this.owner);
    return index === -1 ? undefined : this.queue.splice(index, 1)[0];
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      for (let item = this.next(); item; item = this.next()) {
        const current = item;
        let bytes = 0;
        this.scanner.reset();
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(current.message, {
              onRawData: (data) => {
                bytes += data.length;
                if (this.handlers.size > 0) this.scanner.feed(data);
                current.onData(data);
              },
            }),
          );
        } catch (error) {
          this.owner = this.db.isInTransaction() ? current.handlerId : null;
          current.reject(error);
          continue;
        }
        this.owner = keepsSession(current.message, this.db.isInTransaction()) ? current.handlerId : null;
        current.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }
}
