import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

/** Debian's Chromium; the flags keep it from reaching for the network, which this machine does not have. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh Chromium profile per call; `viewport` defaults to a phone, where most readers are. */
export async function launchBrowser(
  options: {
    viewport?: { width: number; height: number };
    isMobile?: boolean;
    /** lets a test inject a checker's script (axe-core) into pages whose CSP forbids inline scripts */
    bypassCSP?: boolean;
  } = {},
): Promise<Browser> {
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), "jikji-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: options.viewport ?? { width: 390, height: 844 },
    isMobile: options.isMobile ?? false,
    bypassCSP: options.bypassCSP ?? false,
    locale: "ko-KR",
    timezoneId: "Asia/Seoul",
  });
  return {
    context,
    async close() {
      await context.close();
      await fs.rm(profile, { recursive: true, force: true });
    },
  };
}
