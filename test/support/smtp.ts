import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  /** the envelope's recipients */
  to: string[];
  from: string;
  /** the user the client authenticated as */
  user: string | null;
  parsed: ParsedMail;
}

export interface TestSmtp {
  port: number;
  /** `smtp://user:pass@127.0.0.1:PORT` for SMTP_URL */
  url: string;
  received: ReceivedMail[];
  /** closes the listening socket (mail servers go away); `start()` listens on the same port again */
  stop(): Promise<void>;
  start(): Promise<void>;
}

const USER = "jikji";
const PASS = "smtp-secret";

/**
 * A real SMTP server (the nodemailer project's `smtp-server`) of the test's own on loopback, with
 * AUTH PLAIN/LOGIN (no TLS: the test is on loopback) and no mailbox `bounce@…`, that parses every message it accepts with
 * `mailparser`. A message is in `received` before the server answers 250, so once the app's send
 * has returned it is there.
 */
export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const make = () =>
    new SMTPServer({
      secure: false,
      disabledCommands: ["STARTTLS"],
      allowInsecureAuth: true,
      authMethods: ["PLAIN", "LOGIN"],
      logger: false,
      // No DNS on loopback: a reverse lookup per connection costs more than the test.
      disableReverseLookup: true,
      // Stopping the server ends open (pooled) connections at once, as a crash would.
      closeTimeout: 100,
      onAuth(auth, _session, callback) {
        if (auth.username === USER && auth.password === PASS) return callback(null, { user: USER });
        return callback(new Error("bad credentials"));
      },
      // A mailbox that does not exist: refused for good (550), as real servers do.
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith("bounce@")) {
          const err = Object.assign(new Error("no such mailbox"), { responseCode: 550 });
          return callback(err);
        }
        return callback();
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            received.push({
              to: session.envelope.rcptTo.map((r) => r.address),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              user: (session.user as string | undefined) ?? null,
              parsed,
            });
            callback();
          })
          .catch((err: Error) => callback(err));
      },
    });
  let server = make();
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve((server.server.address() as AddressInfo).port));
    });
  const port = await listen(0);
  return {
    port,
    url: `smtp://${USER}:${PASS}@127.0.0.1:${port}`,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    async start() {
      server = make();
      await listen(port);
    },
  };
}

/** The first http(s) link in a mail's text part that starts with `prefix`. */
export function linkIn(mail: ReceivedMail, prefix: string): string {
  const text = mail.parsed.text ?? "";
  const found = text.split(/\s+/).find((w) => w.startsWith(prefix));
  if (!found) throw new Error(`no link starting with ${prefix} in:\n${text}`);
  return found;
}
