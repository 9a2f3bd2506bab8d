import { describe, expect, it } from "vitest";
import { UNKNOWN_IP, clientIp, normalizeIp } from "./client-ip";

const h = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });

describe("clientIp", () => {
  it("without a proxy, takes what Next's server put in x-forwarded-for (the socket's address)", () => {
    expect(clientIp(h("203.0.113.7"), 0)).toBe("203.0.113.7");
    expect(clientIp(h("::ffff:127.0.0.1"), 0)).toBe("127.0.0.1");
  });

  it("behind trusted proxies, takes the entry the farthest trusted proxy appended, never what the client wrote", () => {
    // client → proxy: the proxy appends the client's address to whatever the client sent.
    expect(clientIp(h("1.1.1.1, 203.0.113.7"), 1)).toBe("203.0.113.7");
    // client → CDN → load balancer: the CDN appended the client, the balancer appended the CDN.
    expect(clientIp(h("1.1.1.1, 203.0.113.7, 198.51.100.2"), 2)).toBe("203.0.113.7");
    // A request that reached the last proxy directly has fewer entries: the leftmost one.
    expect(clientIp(h("198.51.100.9"), 2)).toBe("198.51.100.9");
  });

  it("gives one shared key to a missing or unreadable header", () => {
    expect(clientIp(h(), 0)).toBe(UNKNOWN_IP);
    expect(clientIp(h(" , "), 1)).toBe(UNKNOWN_IP);
    expect(clientIp(h("<script>"), 0)).toBe(UNKNOWN_IP);
    expect(clientIp(h("1.1.1.1, pas-une-adresse"), 1)).toBe(UNKNOWN_IP);
  });
});

describe("normalizeIp", () => {
  it("keeps IPv4 as is, without port", () => {
    expect(normalizeIp("203.0.113.7")).toBe("203.0.113.7");
    expect(normalizeIp(" 203.0.113.7:51234 ")).toBe("203.0.113.7");
    expect(normalizeIp("999.1.1.1")).toBeNull();
  });

  it("counts an IPv6 client per /64, whatever the spelling", () => {
    const a = normalizeIp("2001:db8:85a3:12:aaaa:bbbb:cccc:dddd");
    expect(a).toBe("2001:db8:85a3:12::/64");
    expect(normalizeIp("2001:0DB8:85A3:0012::1")).toBe(a);
    expect(normalizeIp("[2001:db8:85a3:12::2]:443")).toBe(a);
    expect(normalizeIp("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(normalizeIp("::1")).toBe("0:0:0:0::/64");
    expect(normalizeIp("2001:db8:85a3:13::1")).not.toBe(a);
  });

  it("reads an IPv4-mapped IPv6 address as the IPv4 client", () => {
    expect(normalizeIp("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(normalizeIp("::ffff:cb00:7107")).toBe("203.0.113.7");
  });

  it("refuses what is no address", () => {
    for (const bad of ["", "localhost", "1.2.3", "2001:db8::g", "::ffff:1.2.3.4.5", "1.2.3.4\u0000"])
      expect(normalizeIp(bad), bad).toBeNull();
  });
});
