/**
 * What one subgraph call costs the gateway's HTTP client, in CPU, by client:
 *   npx tsx bench/src/upstreamClientCost.ts [calls]
 * node:http (a ClientRequest and an IncomingMessage stream per call, over a kept-alive Agent: what
 * signedTransport.ts used before) against undici's Pool, through its `request` API (a body stream)
 * and its `dispatch` API (callbacks: what signedTransport.ts uses). Each posts a body the size of a
 * case view's subgraph request, with the internal token's headers, to a server in another
 * process that answers a small JSON result, four calls in flight at a time. Prints µs of the
 * client process's CPU per call (user + system: the kernel's socket work counts).
 */
import { spawn } from "node:child_process";
import http from "node:http";
import { Pool } from "undici";

const CALLS = Number(process.argv[2] ?? 8_000);
const PORT = 45_678;
const SERVER = `
const answer = JSON.stringify({ data: { _entities: Array.from({ length: 3 }, (_, i) => ({ id: "c".repeat(36), name: "Ærø Østergård " + i, kind: "FORENSIC" })) } });
require("node:http").createServer((req, res) => {
  req.resume();
  req.on("end", () => { res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(answer) }); res.end(answer); });
}).listen(${PORT}, "127.0.0.1", () => console.log("ready"));`;

const body = Buffer.from(
  JSON.stringify({
    query:
      "query($representations:[_Any!]!){_entities(representations:$representations){... on BoernehusCase{ child { firstName lastName } }}}",
    variables: {
      representations: Array.from({ length: 5 }, () => ({ __typename: "BoernehusCase", id: "c".repeat(36), accessGrant: "g".repeat(150) })),
    },
  }),
);
const url = new URL(`http://127.0.0.1:${PORT}/graphql`);
const headers = {
  accept: "application/json",
  "content-type": "application/json",
  "x-samraad-internal": "t".repeat(700),
  "x-request-id": "r".repeat(36),
};

const agent = new http.Agent({ keepAlive: true, scheduling: "lifo" });
const viaNodeHttp = () =>
  new Promise<unknown>((resolve, reject) => {
    const request = http.request(url, { method: "POST", agent, headers: { ...headers, "content-length": String(body.length) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve(JSON.parse(Buffer.concat(chunks).toString("utf8"))));
      res.on("error", reject);
    });
    request.on("error", reject);
    request.end(body);
  });

const pool = new Pool(url.origin, { keepAliveTimeout: 30_000 });
const viaUndiciRequest = async () => {
  const { body: answer } = await pool.request({ path: url.pathname, method: "POST", headers, body });
  return JSON.parse(await answer.text());
};
const viaUndiciDispatch = () =>
  new Promise<unknown>((resolve, reject) => {
    const chunks: Buffer[] = [];
    pool.dispatch(
      { path: url.pathname, method: "POST", headers, body },
      {
        onRequestStart: () => {}, // its presence selects undici 7's handler interface
        onResponseData: (_controller, chunk) => void chunks.push(chunk),
        onResponseEnd: () => resolve(JSON.parse(Buffer.concat(chunks).toString("utf8"))),
        onResponseError: (_controller, error) => reject(error),
      },
    );
  });

const server = spawn(process.execPath, ["-e", SERVER], { stdio: ["ignore", "pipe", "inherit"] });
await new Promise((resolve) => server.stdout.once("data", resolve));
try {
  console.log(`${CALLS} calls each, 4 in flight, body ${body.length} bytes, Node ${process.version}`);
  const clients: Array<[string, () => Promise<unknown>]> = [
    ["node:http (Agent, keep-alive)", viaNodeHttp],
    ["undici Pool.request", viaUndiciRequest],
    ["undici Pool.dispatch (signedTransport.ts)", viaUndiciDispatch],
  ];
  for (const round of [1, 2]) {
    for (const [name, call] of clients) {
      const four = () => Promise.all([call(), call(), call(), call()]);
      for (let i = 0; i < 500; i++) await four(); // warm up
      const cpu = process.cpuUsage();
      for (let i = 0; i < CALLS / 4; i++) await four();
      const used = process.cpuUsage(cpu);
      console.log(`round ${round}  ${name.padEnd(42)} ${((used.user + used.system) / CALLS).toFixed(1).padStart(6)} µs CPU per call`);
    }
  }
} finally {
  server.kill();
  agent.destroy();
  await pool.close();
}
