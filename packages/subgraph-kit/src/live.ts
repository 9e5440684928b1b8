import { EventEmitter, on } from "node:events";
import { type Listener, listen } from "@samraad/db";

/** The channel every subgraph's live triggers NOTIFY on (see the børnehus migration live_events). */
export const LIVE_CHANNEL = "samraad_live";

/** One committed change, as the trigger sent it: ids and a version, never personal data. */
export interface LiveEvent {
  caseId: string;
  /** The table that changed; "RESYNC" after the listener lost its connection (events may be missing). */
  table: string;
  id: string | null;
  version: number | null;
}

const RESYNC = "*resync";

/**
 * This process's one LISTEN on its database, fanned out to its subscribers by case id
 * (docs/live.md). Every replica has its own, and PostgreSQL hands each of them every
 * notification, so a write on one replica reaches subscribers on all.
 */
export class LiveHub {
  private readonly emitter = new EventEmitter();
  private listener: Listener | null = null;
  /** Notifications heard and deliveries made (the live bench and tests read these). */
  readonly counts = { heard: 0, delivered: 0 };

  private constructor() {
    // One listener per open subscription: hundreds on one case are expected, not a leak.
    this.emitter.setMaxListeners(0);
  }

  static async start(databaseUrl: string): Promise<LiveHub> {
    const hub = new LiveHub();
    hub.listener = await listen(
      databaseUrl,
      LIVE_CHANNEL,
      (payload) => hub.dispatch(payload),
      () => hub.emitter.emit(RESYNC),
    );
    return hub;
  }

  get kind(): Listener["kind"] | null {
    return this.listener?.kind ?? null;
  }

  private dispatch(payload: string): void {
    let event: LiveEvent;
    try {
      event = JSON.parse(payload) as LiveEvent;
    } catch {
      return;
    }
    if (typeof event.caseId !== "string") return;
    this.counts.heard++;
    this.counts.delivered += this.emitter.listenerCount(event.caseId);
    this.emitter.emit(event.caseId, event);
  }

  /**
   * The case's events from now on, until `signal` aborts. The first is a RESYNC, sent once
   * the listener is attached: a client that refetches on it has missed nothing (a write
   * between its first fetch and this moment would otherwise be lost). Later RESYNCs: the
   * listener lost its connection and events may be missing.
   */
  async *events(caseId: string, signal: AbortSignal): AsyncGenerator<LiveEvent> {
    const resync = { caseId, table: "RESYNC", id: null, version: null } satisfies LiveEvent;
    const onReconnect = () => this.emitter.emit(caseId, resync);
    this.emitter.on(RESYNC, onReconnect);
    try {
      const attached = on(this.emitter, caseId, { signal });
      yield resync;
      for await (const [event] of attached) yield event as LiveEvent;
    } catch (error) {
      if (!signal.aborted) throw error;
    } finally {
      this.emitter.off(RESYNC, onReconnect);
    }
  }

  async close(): Promise<void> {
    await this.listener?.close();
    this.listener = null;
    this.emitter.removeAllListeners();
  }
}
