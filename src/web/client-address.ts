import type { Config } from "../config.ts";

/**
 * Fastify's `trustProxy` from TRUST_PROXY. A hop count believes that many proxies, counted from the
 * right of X-Forwarded-For (the entries our own proxies appended), so the client's address is the
 * one the nearest untrusted hop gave; an address list believes only proxies inside those ranges.
 * Never `true`: that takes the leftmost entry, which the client writes itself.
 */
export function trustProxyOption(
  trust: Config["trustProxy"],
): false | string[] | ((address: string, hop: number) => boolean) {
  if (trust === false) return false;
  if (typeof trust === "number") return (_address, hop) => hop < trust;
  return [...trust];
}

/** Query parameters that carry secrets (cancel links, one-time tokens): never written to a log. */
const SECRET_PARAMS = /^(token|cancel|password|secret|code|t)$/i;

/** The URL as it may be logged: the values of secret-bearing query parameters replaced. */
export function urlForLog(url: string): string {
  const q = url.indexOf("?");
  if (q < 0) return url;
  const params = url
    .slice(q + 1)
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      const name = eq < 0 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // a malformed name is logged as it came
      }
      return eq >= 0 && SECRET_PARAMS.test(decoded) ? `${name}=[redacted]` : pair;
    });
  return `${url.slice(0, q)}?${params.join("&")}`;
}

/** pino's `req` serializer: what Fastify logs of a request, with secrets redacted from the URL. */
export function requestForLog(req: {
  method?: string;
  url?: string;
  headers?: Record<string, unknown>;
  ip?: string;
  socket?: { remotePort?: number };
}) {
  return {
    method: req.method,
    url: urlForLog(req.url ?? ""),
    host: req.headers?.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}
