import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { SeededDatabase } from "./seed.ts";
import type { ServerMessage, ServerOptions } from "./server.ts";

/** The app in a process of its own (bench/server.ts), as `npm start` would run it. */
export interface Server {
  port: number;
  stop(): Promise<void>;
  memory(): Promise<Extract<ServerMessage, { type: "memory" }>>;
}

export async function startServer(db: SeededDatabase, pageCacheMb: number): Promise<Server> {
  const options: ServerOptions = { dataDir: db.dataDir, databaseUrl: db.databaseUrl, pageCacheMb };
  // fork() passes on this process's execArgv, which carries tsx's loader.
  const child: ChildProcess = fork(
    fileURLToPath(new URL("./server.ts", import.meta.url)),
    [JSON.stringify(options)],
    // As `npm start` runs the server, with glibc's own malloc settings. Forcing large blocks to mmap
    // (MALLOC_MMAP_THRESHOLD_/MALLOC_TRIM_THRESHOLD_ at 128 KB) saved ~80 MB of RSS but made brotli
    // zero its 8 MB hash table afresh for every page: a cache fill went from 5 to 31 ms a page.
    {},
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.on("message", (m: ServerMessage) => {
      if (m.type === "listening") resolve(m.port);
      else if (m.type === "failed") reject(new Error(`the server did not start:\n${m.message}`));
    });
    child.once("exit", (code) => reject(new Error(`the server exited with ${code} before listening`)));
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.send("stop");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };
  const memory = () =>
    new Promise<Extract<ServerMessage, { type: "memory" }>>((resolve) => {
      const listener = (m: ServerMessage) => {
        if (m.type !== "memory") return;
        child.off("message", listener);
        resolve(m);
      };
      child.on("message", listener);
      child.send("memory");
    });
  return { port, stop, memory };
}
