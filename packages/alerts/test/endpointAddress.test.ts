import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endpointPolicy, isRefusedAddress, postToEndpoint, validateEndpointUrl } from "../src/index.ts";

const open = endpointPolicy([], false);
const loopbackAllowed = endpointPolicy(["127.0.0.1/32"], false);

describe("webhook endpoints cannot reach inside", () => {
  it.each([
    "127.0.0.1",
    "127.10.0.1",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254", // the cloud metadata service
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "::1",
    "::",
    "fe80::1",
    "fd00:ec2::254",
    "fc00::1",
    "::ffff:127.0.0.1",
    "::ffff:169.254.169.254",
  ])("refuses %s", (address) => {
    expect(isRefusedAddress(address, open)).toBe(true);
  });

  it.each(["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c", "172.32.0.1", "11.0.0.1"])("accepts the public %s", (address) => {
    expect(isRefusedAddress(address, open)).toBe(false);
  });

  it("an operator allows a network by name, and only that one", () => {
    expect(isRefusedAddress("127.0.0.1", loopbackAllowed)).toBe(false);
    expect(isRefusedAddress("::ffff:127.0.0.1", loopbackAllowed)).toBe(false);
    expect(isRefusedAddress("127.0.0.2", loopbackAllowed)).toBe(true);
    expect(isRefusedAddress("10.0.0.1", loopbackAllowed)).toBe(true);
    expect(() => endpointPolicy(["10.0.0.0/33"], false)).toThrow(/SAMRAAD_WEBHOOK_ALLOWED_NETWORKS/);
    expect(() => endpointPolicy(["intranet"], false)).toThrow(/not a network/);
  });

  it("registration refuses internal hosts, names that resolve inside, http outside allowed networks, and credentials", async () => {
    const refusal = (url: string, policy = open) =>
      validateEndpointUrl(url, policy).then(
        () => "accepted",
        (e: { extensions?: { code?: string; field?: string } }) => e.extensions,
      );
    for (const url of [
      "https://127.0.0.1/hook",
      "https://169.254.169.254/latest/meta-data",
      "https://[::1]/x",
      "https://localhost/x",
      "https://10.0.0.5/x",
    ]) {
      expect(await refusal(url), url).toMatchObject({ code: "BAD_USER_INPUT", field: "url" });
    }
    expect(await refusal("http://93.184.215.14/hook")).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(await refusal("https://user:pw@93.184.215.14/hook")).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(await refusal("ftp://93.184.215.14/hook")).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(await refusal("https://93.184.215.14/hook")).toBe("accepted");
    expect(await refusal("http://127.0.0.1:8080/hook", loopbackAllowed)).toBe("accepted");
    expect(await refusal("http://127.0.0.1:8080/hook", { ...loopbackAllowed, production: true })).toMatchObject({ code: "BAD_USER_INPUT" });
  });
});

describe("a delivery connects to the checked address and follows no redirect", () => {
  const hits: string[] = [];
  let receiver: http.Server;
  let base: string;
  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      hits.push(req.url ?? "");
      if (req.url === "/moved") {
        res.writeHead(302, { location: `${base}/inside` }).end();
      } else res.writeHead(204).end();
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => receiver.close(() => r())));
  const delivery = (url: string) => ({ id: "d1", eventId: "e1", payload: '{"id":"e1"}', attempt: 1, url, secret: "whsec_test" });

  it("delivers to an allowed network", async () => {
    expect(await postToEndpoint(delivery(`${base}/ok`), new Date("2026-11-01T00:00:00Z"), 5_000, loopbackAllowed)).toEqual({
      ok: true,
      statusCode: 204,
      error: null,
    });
    expect(hits).toContain("/ok");
  });

  it("refuses, without connecting, an endpoint whose address is internal at delivery time", async () => {
    const before = hits.length;
    const result = await postToEndpoint(delivery(`${base}/after-rebinding`), new Date("2026-11-01T00:00:00Z"), 5_000, open);
    expect(result).toEqual({ ok: false, statusCode: null, error: "refused: internal address" });
    expect(hits.length).toBe(before);
  });

  it("a redirect is a failed attempt, and its target is never called", async () => {
    const result = await postToEndpoint(delivery(`${base}/moved`), new Date("2026-11-01T00:00:00Z"), 5_000, loopbackAllowed);
    expect(result).toEqual({ ok: false, statusCode: 302, error: "HTTP 302" });
    expect(hits).not.toContain("/inside");
  });
});
