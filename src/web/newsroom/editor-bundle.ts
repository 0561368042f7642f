import { createHash } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { Asset } from "../public/assets.ts";

const ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), "editor", "editor.client.ts");

/**
 * The editor's browser bundle, built in memory by esbuild the first time someone opens the editor
 * (about a second), then served from memory. No build step to forget, nothing generated in the repo.
 */
export function editorBundle(): () => Promise<Asset> {
  let pending: Promise<Asset> | null = null;
  return () => {
    pending ??= build({
      entryPoints: [ENTRY],
      bundle: true,
      write: false,
      format: "iife",
      minify: true,
      target: ["es2020"],
      legalComments: "none",
      logLevel: "silent",
    }).then(
      (result) => {
        const body = Buffer.from(result.outputFiles[0]!.contents);
        return {
          body,
          type: "text/javascript; charset=utf-8",
          hash: createHash("sha256").update(body).digest("hex").slice(0, 10),
        };
      },
      (error: unknown) => {
        pending = null;
        throw error;
      },
    );
    return pending;
  };
}
