// For the crash tests: Ramp as a real process against the fake Slack, killed at a failpoint
// (src/failpoints.ts) and restarted on the same database, which the test reads only while Ramp
// is stopped (see test/support/ramp-process.ts).
import { type Database, openDatabase } from "../../src/store/database.ts";
import type { FakeSlack } from "../support/fake-slack.ts";
import type { RampProcess } from "../support/ramp-process.ts";
import { type SlackRequest, sendToSlackEndpoint } from "../support/slack-requests.ts";

export const SIGNING_SECRET = "8f2c0d6e4b1a9f73c5e2d8b0a4f6c1e9";
export const BOT_TOKEN = "xoxb-1111111111-2222222222-rampTestToken";

export function slackEnv(databaseUrl: string, fake: FakeSlack): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    RAMP_SECRET: "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a6978",
    HOST: "127.0.0.1",
  };
}

export function sendSlack(ramp: RampProcess, request: SlackRequest): Promise<Response> {
  return sendToSlackEndpoint(ramp.url, SIGNING_SECRET, request);
}

/** Waits until the process is gone (it killed itself at a failpoint). */
export async function exited(ramp: RampProcess, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (ramp.running) {
    if (Date.now() > deadline) throw new Error(`Ramp did not exit:\n${ramp.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Restarts with a failpoint armed (or none). */
export async function restartWith(ramp: RampProcess, failpoints: string | null): Promise<void> {
  if (failpoints) ramp.env.RAMP_FAILPOINTS = failpoints;
  else delete ramp.env.RAMP_FAILPOINTS;
  await ramp.restart();
}

/** Plain SQL on the stopped Ramp's database; placeholders $1, $2, … on both providers. */
export async function queryStopped(
  ramp: RampProcess,
  sql: string,
  params: unknown[] = [],
): Promise<Array<Record<string, unknown>>> {
  if (ramp.running) throw new Error("read Ramp's database only while it is stopped");
  const db: Database = await openDatabase(ramp.env.DATABASE_URL!, { migrate: false });
  try {
    const text = db.provider === "sqlite" ? sql.replace(/\$\d+/g, "?") : sql;
    return await db.client.$queryRawUnsafe(text, ...params);
  } finally {
    await db.close();
  }
}

export async function countStopped(ramp: RampProcess, sql: string, params: unknown[] = []) {
  const [row] = await queryStopped(ramp, sql, params);
  return Number(Object.values(row ?? {})[0]);
}
