// The real Ramp process (`node --import tsx src/main.ts`), as an operator runs it, for tests that
// kill it at chosen moments (SIGKILL: no shutdown code runs) and start it again on the same
// database. Configuration is the environment only, like production; platform APIs are the test's
// fakes on 127.0.0.1 (e.g. SLACK_API_URL=fake.apiUrl).
//
// On SQLite, read Ramp's database from the test only while the process is stopped: a second
// connection in the test process would block its event loop (and with it the fakes that Ramp is
// waiting for) whenever Ramp holds the write lock.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "./node-scripts.ts";
import { freePort } from "./ports.ts";

const MAIN = path.join(PROJECT_ROOT, "src", "main.ts");
/** A bound for start-up (tsx compiles the whole app first): a loaded 2-core machine took over 60 s. */
const HEALTHY_WITHIN_MS = 120_000;

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export class RampProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<number | null> | null = null;
  private waiters: Array<{ match: (line: LogLine) => boolean; resolve: (l: LogLine) => void }> = [];
  /** Every JSON log line of every run, in order. */
  readonly logs: LogLine[] = [];
  /** What the process wrote that was not a JSON log line (stack traces, start-up errors). */
  stderr = "";
  private constructor(
    readonly port: number,
    readonly env: Record<string, string>,
  ) {}

  /** Starts Ramp with `env` (plus PORT and a 1 s tick unless given) and waits for /healthz. */
  static async start(env: Record<string, string>): Promise<RampProcess> {
    const port = env.PORT ? Number(env.PORT) : await freePort();
    const ramp = new RampProcess(port, {
      RAMP_TICK_SECONDS: "1",
      LOG_LEVEL: "info",
      ...env,
      PORT: String(port),
    });
    await ramp.run();
    return ramp;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** Starts the process again on the same port, database and environment. */
  async restart(): Promise<void> {
    if (this.child) throw new Error("Ramp is still running: kill it first");
    await this.run();
  }

  /** SIGKILL: the process dies at once, as in a power cut or an OOM kill. */
  async kill(signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill(signal);
    await this.exited;
  }

  /** Resolves with the first log line (from now on, or already logged when `past`) that matches. */
  waitForLog(
    match: (line: LogLine) => boolean,
    options: { timeoutMs?: number; past?: boolean } = {},
  ): Promise<LogLine> {
    if (options.past) {
      const seen = this.logs.find(match);
      if (seen) return Promise.resolve(seen);
    }
    const timeoutMs = options.timeoutMs ?? 20_000;
    return new Promise((resolve, reject) => {
      const waiter = { match, resolve };
      this.waiters.push(waiter);
      setTimeout(() => {
        if (!this.waiters.includes(waiter)) return;
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no matching log line within ${timeoutMs} ms; stderr:\n${this.stderr}`));
      }, timeoutMs).unref();
    });
  }

  private async run(): Promise<void> {
    const child = spawn(process.execPath, ["--import", "tsx", MAIN], {
      cwd: PROJECT_ROOT,
      // Only what the test gives, so a developer's .env or shell cannot change the run.
      env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", ...this.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    this.exited = new Promise((resolve) => {
      child.once("exit", (code) => {
        this.child = null;
        resolve(code);
      });
    });
    let buffered = "";
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const text of lines) this.take(text);
    });
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
      this.stderr += chunk;
    });
    await this.waitUntilHealthy(child);
  }

  private take(text: string): void {
    let line: LogLine;
    try {
      line = JSON.parse(text) as LogLine;
    } catch {
      this.stderr += `${text}\n`;
      return;
    }
    this.logs.push(line);
    for (const waiter of [...this.waiters]) {
      if (!waiter.match(line)) continue;
      this.waiters = this.waiters.filter((w) => w !== waiter);
      waiter.resolve(line);
    }
  }

  private async waitUntilHealthy(child: ChildProcess): Promise<void> {
    const deadline = Date.now() + HEALTHY_WITHIN_MS;
    while (Date.now() < deadline) {
      if (this.child !== child) {
        throw new Error(`Ramp exited during start-up:\n${this.stderr}`);
      }
      try {
        const response = await fetch(`${this.url}/healthz`);
        if (response.status === 200) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await this.kill();
    throw new Error(
      `Ramp did not become healthy within ${HEALTHY_WITHIN_MS / 1000} s:\n${this.stderr}`,
    );
  }
}
