import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedCall {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  status: number;
}

/**
 * A sector system's webhook receiver: a real HTTP server on an ephemeral loopback port. Each
 * call is answered with the next status of `answers` (the last one repeats) and recorded.
 */
export async function startReceiver() {
  const calls: ReceivedCall[] = [];
  let answers: number[] = [200];
  let delayMs = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const status = answers.length > 1 ? (answers.shift() as number) : (answers[0] ?? 200);
      calls.push({ path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), status });
      setTimeout(() => res.writeHead(status).end(), delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}/${path}`,
    calls,
    /** The statuses to answer from now on, in order; the last one repeats. */
    answer(statuses: number[], options: { delayMs?: number } = {}) {
      answers = [...statuses];
      delayMs = options.delayMs ?? 0;
    },
    reset() {
      calls.length = 0;
      answers = [200];
      delayMs = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
