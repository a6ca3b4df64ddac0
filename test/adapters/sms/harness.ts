// What the SMS tests share: Ramp with Slack next to a fake HTTP SMS gateway on 127.0.0.1, the
// numbers texts go to, and the pages an incident sent.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { internationalNumber } from "../../../src/adapters/sms/render.ts";
import type { Page } from "../../../src/core/model.ts";
import { FakeSmsGateway } from "../../support/fake-sms.ts";
import { SlackRamp, U } from "../slack/harness.ts";

/** The public address the personal links in the texts point to. */
export const PUBLIC_URL = "https://ramp.zonnebeke-heide.be";

/** Ramp (Slack and SMS) on a new database in a temporary folder named after `prefix`, texting through a new fake gateway; `env` adds settings. */
export async function startWithSmsGateway(
  prefix: string,
  env: Record<string, string> = {},
): Promise<{ s: SlackRamp; gateway: FakeSmsGateway }> {
  const gateway = await FakeSmsGateway.start();
  try {
    const dir = mkdtempSync(path.join(tmpdir(), prefix));
    const s = await SlackRamp.start(`file:${path.join(dir, "ramp.db")}`, {
      env: { RAMP_SMS_URL: gateway.url, RAMP_PUBLIC_URL: PUBLIC_URL, ...env },
    });
    return { s, gateway };
  } catch (error) {
    await gateway.close();
    throw error;
  }
}

/** A person's mobile number in the plan, as the texts are addressed (+32…). */
export function mobileOf(s: SlackRamp, personId: string): string {
  return internationalNumber(s.ramp.plan.people.find((p) => p.id === personId)!.mobile!)!;
}

/** The coordinator declares an incident with `/ramp <words>` in Slack; the incident and the pages that went out. */
export async function declareInSlack(
  s: SlackRamp,
  words: string,
): Promise<{ incidentId: string; pages: Page[] }> {
  await (await s.command(U.pieter, words)).reply();
  await s.settled();
  const [incident] = await s.ramp.engine.activeIncidents();
  const pages = await s.ramp.engine.ctx.store.pages.listForIncident(incident!.id);
  return { incidentId: incident!.id, pages: pages.filter((p) => p.status === "sent") };
}
