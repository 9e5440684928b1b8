import type http from "node:http";
import { describe, expect, it } from "vitest";
import { clientAddress } from "../src/hardening/clientAddress.ts";

const request = (forwardedFor?: string) =>
  ({
    socket: { remoteAddress: "10.0.0.9" },
    headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor },
  }) as http.IncomingMessage;

describe("clientAddress", () => {
  it("is the socket's peer without trusted proxies, whatever the client writes in X-Forwarded-For", () => {
    expect(clientAddress(request("192.0.2.1"), 0)).toBe("10.0.0.9");
  });

  it("behind trusted proxies, is the entry the outermost of them appended, counted from the right", () => {
    expect(clientAddress(request("203.0.113.1, 198.51.100.7"), 1)).toBe("198.51.100.7");
    expect(clientAddress(request("203.0.113.1, 198.51.100.7, 10.0.0.2"), 2)).toBe("198.51.100.7");
  });

  it("falls back to the peer when the request did not pass every trusted proxy: no entry is vouched for", () => {
    expect(clientAddress(request("192.0.2.1"), 2)).toBe("10.0.0.9");
    expect(clientAddress(request(), 1)).toBe("10.0.0.9");
  });
});
