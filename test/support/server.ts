import type { AddressInfo } from "node:net";
import { createTestApp, type TestApp } from "./app.ts";

/** A test app listening on a free loopback port, for the browser. */
export async function startTestServer(
  options: { now?: () => number; env?: Record<string, string> } = {},
): Promise<TestApp & { url: string }> {
  const t = await createTestApp(options);
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = t.app.server.address() as AddressInfo;
  return { ...t, url: `http://127.0.0.1:${port}` };
}
