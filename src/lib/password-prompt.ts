import { UsageError } from "./usage-error.ts";

/** Longer than any password the rules accept; a pipe that sends more is cut off here, not read to the end. */
const MAX_INPUT_BYTES = 4096;

/**
 * A new password from standard input, never from argv (which other users of the machine can see in
 * the process list). From a pipe or file: the first line. At a terminal: asked twice without echo,
 * and refused when the two differ.
 */
export async function readNewPassword(input: NodeJS.ReadStream = process.stdin): Promise<string> {
  if (!input.isTTY) return readFirstLine(input);
  const first = await askHidden(input, "새 비밀번호: ");
  const second = await askHidden(input, "한 번 더: ");
  if (first !== second) throw new UsageError("두 번 입력한 비밀번호가 다릅니다. 아무것도 바꾸지 않았습니다.");
  return first;
}

async function readFirstLine(input: NodeJS.ReadStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const buf = chunk as Buffer;
    chunks.push(buf);
    size += buf.length;
    if (buf.includes(10) || size > MAX_INPUT_BYTES) break;
  }
  const text = Buffer.concat(chunks).toString("utf8");
  const end = text.indexOf("\n");
  return (end < 0 ? text : text.slice(0, end)).replace(/\r$/, "");
}

/** One line typed at the terminal, not shown; backspace works, Ctrl-C and Ctrl-D give up. */
function askHidden(input: NodeJS.ReadStream, question: string): Promise<string> {
  process.stderr.write(question);
  return new Promise((resolve, reject) => {
    let typed = "";
    const finish = (error?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.off("data", onData);
      process.stderr.write("\n");
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (data: Buffer) => {
      for (const ch of data.toString("utf8")) {
        if (ch === "\r" || ch === "\n") return finish();
        if (ch === "\u0003" || ch === "\u0004") return finish(new UsageError("입력을 멈췄습니다."));
        if (ch === "\u007f" || ch === "\b") typed = Array.from(typed).slice(0, -1).join("");
        else if (ch >= " ") typed += ch;
        if (typed.length > MAX_INPUT_BYTES) return finish(new UsageError("비밀번호가 너무 깁니다."));
      }
    };
    input.setRawMode(true);
    input.resume();
    input.on("data", onData);
  });
}
