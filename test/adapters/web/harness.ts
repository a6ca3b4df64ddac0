// Ramp with the web adapter over real HTTP (startRamp, port 0, a fake clock, the scheduler ticked
// by hand) and a small browser stand-in: a cookie jar, forms posted with the page's CSRF token.
import { type RunningRamp, startRamp } from "../../../src/app.ts";
import { type Config, readConfig } from "../../../src/config/env.ts";
import { createLogger } from "../../../src/logging.ts";
import { FakeClock } from "../../support/engine.ts";

/** Sunday 22 November 2026, 09:00 in Brussels. */
export const T0 = new Date("2026-11-22T08:00:00Z");
export const RAMP_SECRET = "3f9a7c1e5b2d8f0a6c4e1b7d9f3a5c8e2b0d4f6a";

/** People of the sample plan. */
export const P = {
  pieter: "pieter-declercq", // coordinator
  sofie: "sofie-vermeulen", // deputy
  marleen: "marleen-vandamme", // voorzitter
  bart: "bart-lannoo", // deskundige ICT
  hanne: "hanne-desmet", // communication officer, not crisis staff
} as const;

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  location: string | null;
}

export class WebBrowser {
  readonly cookies = new Map<string, string>();
  /** The CSRF token of the last page that had forms. */
  csrf: string | null = null;

  constructor(readonly base: string) {}

  async request(path: string, init: RequestInit = {}): Promise<Reply> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) {
      headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    }
    const response = await fetch(new URL(path, this.base), {
      ...init,
      headers,
      redirect: "manual",
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (/max-age=0/i.test(cookie) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(text)?.[1];
    if (csrf) this.csrf = csrf;
    return {
      status: response.status,
      headers: response.headers,
      text,
      location: response.headers.get("location"),
    };
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Reply> {
    return this.request(path, { headers });
  }

  /** A form post as the browser sends it: the page's CSRF token unless told otherwise. */
  post(
    path: string,
    fields: Record<string, string>,
    options: { csrf?: string | null; headers?: Record<string, string> } = {},
  ): Promise<Reply> {
    const csrf = options.csrf === undefined ? this.csrf : options.csrf;
    const body = new URLSearchParams({ ...(csrf ? { csrf } : {}), ...fields });
    return this.request(path, {
      method: "POST",
      body,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: new URL(this.base).origin,
        ...options.headers,
      },
    });
  }

  /** Local mode: choose who you are in the local chat. */
  async becomes(personId: string): Promise<void> {
    await this.get("/chat");
    const chosen = await this.post("/chat/who", { person: personId });
    if (chosen.status !== 303) throw new Error(`choosing ${personId}: ${chosen.status}`);
    await this.get("/chat");
  }

  /** Types a command in the local chat; returns the conversation afterwards. */
  async say(text: string): Promise<string> {
    const sent = await this.post("/chat", { text, back: "/chat" });
    if (sent.status !== 303) throw new Error(`"${text}": ${sent.status} ${sent.text}`);
    return (await this.get("/chat")).text;
  }

  /** Presses a button (its `do` value) on a page, as a form post without JavaScript. */
  async press(value: string, back: string, fields: Record<string, string> = {}): Promise<Reply> {
    return this.post("/actions", { do: value, back, ...fields });
  }
}

/** The values of the buttons for one action on a page, e.g. every "task.claim|…" button. */
export function buttons(html: string, action: string): string[] {
  const found = html.matchAll(
    new RegExp(`name="do" value="(${action.replace(".", "\\.")}\\|[^"]*)"`, "g"),
  );
  return [...new Set([...found].map((m) => m[1]!))];
}

/** Text without tags, for assertions about what a person reads. */
export function visible(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

export interface WebRamp {
  ramp: RunningRamp;
  clock: FakeClock;
  browser(): WebBrowser;
  close(): Promise<void>;
}

export async function startWebRamp(
  databaseUrl: string,
  options: { env?: Record<string, string>; config?: Partial<Config>; start?: Date } = {},
): Promise<WebRamp> {
  const clock = new FakeClock(options.start ?? T0);
  const config: Config = {
    ...readConfig({ DATABASE_URL: databaseUrl, ...options.env }),
    port: 0,
    host: "127.0.0.1",
    ...options.config,
  };
  const logger = createLogger(process.env.RAMP_TEST_LOG_LEVEL ?? "silent");
  const ramp = await startRamp(config, logger, { clock, startScheduler: false });
  return {
    ramp,
    clock,
    browser: () => new WebBrowser(ramp.url),
    close: () => ramp.close(),
  };
}

/** Non-local mode without a reachable platform: Slack over HTTP against a closed port. */
export const SLACK_ENV = {
  SLACK_BOT_TOKEN: "xoxb-1111111111-2222222222-rampWebTest",
  SLACK_SIGNING_SECRET: "5e1c9a7f3b2d8e0c4a6f1b9d7e3c5a2f",
  SLACK_API_URL: "http://127.0.0.1:9/api/",
  RAMP_SECRET,
};
