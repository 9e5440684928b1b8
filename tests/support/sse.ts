/**
 * A GraphQL subscription over Server-Sent Events, as a browser's urql (fetchSubscriptions)
 * sends it: POST with `Accept: text/event-stream`; every `event: next` is one result.
 */
export interface SseSubscription<T> {
  /** The HTTP status of the answer. */
  status: number;
  /** Set when the answer was not a stream (a refusal): the GraphQL body. */
  refused?: { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } | undefined;
  /** The next result, or null when the stream ended; rejects after `timeoutMs`. */
  next(timeoutMs?: number): Promise<T | null>;
  close(): void;
}

export async function subscribeSse<T = { data?: Record<string, unknown>; errors?: unknown[] }>(
  url: string,
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<SseSubscription<T>> {
  const ended = new AbortController();
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "text/event-stream",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
    signal: ended.signal,
  });
  if (!(res.headers.get("content-type") ?? "").includes("text/event-stream") || !res.body) {
    const text = await res.text();
    let refused: SseSubscription<T>["refused"];
    try {
      refused = JSON.parse(text);
    } catch {
      refused = { errors: [{ message: text }] };
    }
    return { status: res.status, refused, next: async () => null, close: () => {} };
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  const queue: Array<T | null> = [];
  const waiting: Array<(value: T | null) => void> = [];
  const deliver = (value: T | null) => {
    const waiter = waiting.shift();
    if (waiter) waiter(value);
    else queue.push(value);
  };
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += value;
        for (let end = buffer.indexOf("\n\n"); end !== -1; end = buffer.indexOf("\n\n")) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = message.split("\n");
          const event = lines
            .find((l) => l.startsWith("event:"))
            ?.slice(6)
            .trim();
          const data = lines
            .filter((l) => l.startsWith("data:"))
            .map((l) => l.slice(5).trim())
            .join("\n");
          if (event === "complete") return deliver(null);
          if (data) deliver(JSON.parse(data) as T);
        }
      }
    } catch {
      // aborted by close()
    }
    deliver(null);
  })();
  return {
    status: res.status,
    next(timeoutMs = 5_000) {
      const queued = queue.shift();
      if (queued !== undefined) return Promise.resolve(queued);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no event within ${timeoutMs} ms`)), timeoutMs);
        waiting.push((value) => {
          clearTimeout(timer);
          resolve(value);
        });
      });
    },
    close() {
      ended.abort();
    },
  };
}
