#!/usr/bin/env node
// The `jikji` command (package.json "bin"): runs the CLI directly, so `npx jikji export > file.json`
// writes only the command's own output (no npm banner). TypeScript is loaded through tsx.
import { register } from "tsx/esm/api";

register();
await import("../src/cli.ts");
