import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { type Asset, toAsset } from "../public/assets.ts";

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
        return toAsset(Buffer.from(result.outputFiles[0]!.contents), "text/javascript; charset=utf-8");
      },
      (error: unknown) => {
        pending = null;
        throw error;
      },
    );
    return pending;
  };
}
