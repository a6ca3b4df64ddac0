// No personal link or phone number where others read it, in Slack: every /ramp command typed in
// a channel (before an incident, and in the incident channel during one), the start form, button
// clicks; every message Ramp posted or updated in a channel (not a DM) is checked at the fake
// Slack, every answer to a command is ephemeral, and the caller gets the personal parts there.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Body } from "../../support/fake-slack.ts";
import { peoplesNumbers, personalIn } from "../../support/personal.ts";
import { input } from "../../support/slack-requests.ts";
import { SlackRamp, U } from "./harness.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Every kind of command (src/core/chat/parse.ts), before, during and after an incident. */
const BEFORE = [
  "melding Rook in de serverruimte van het administratief centrum",
  "help",
  "brand",
  "bord",
];
const DURING = [
  "start groot Brand in het administratief centrum",
  "status",
  "taken",
  "evaluatie Serverlokaal uitgebrand, kantoren onbruikbaar",
  "besluit B De eigen gebouwen volstaan",
  "taken mijn",
  "log #oorzaak Kortsluiting in de serverruimte",
  "hersteld administratie",
  "ernst crisis",
  "",
  "review",
];
const AFTER = ["stop Brand geblust", "review", "bord"];

/** The DPO has no Slack account: the coordinator has to call him. */
const DPO_MOBILE = "+32 474 91 36 58";

describe("personal links and numbers in Slack", () => {
  it("answers every command ephemerally and keeps personal parts out of every channel", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "ramp-slack-personal-"));
    dirs.push(dir);
    const s = await SlackRamp.start(`file:${path.join(dir, "ramp.db")}`);
    const numbers = peoplesNumbers(s.ramp.plan);
    const answers = new Map<string, Body[]>();
    try {
      const run = async (words: string, channelId: string) => {
        const modals = s.fake.callsOf("views.open").length;
        if (process.env.DEBUG_WALK) console.log(new Date().toISOString(), words);
        const sent = await s.command(U.pieter, words, { channelId });
        expect(sent.status).toBe(200);
        await s.fake.waitFor(
          `an answer to /ramp ${words}`,
          () =>
            s.fake.responsesTo(sent.responseUrl).length > 0 ||
            s.fake.callsOf("views.open").length > modals,
        );
        await s.settled();
        answers.set(words, [
          ...(answers.get(words) ?? []),
          ...s.fake.responsesTo(sent.responseUrl),
        ]);
      };
      for (const words of BEFORE) await run(words, "C0ALGEMEEN");

      // `/ramp` alone: the start form; submitted, the incident channel is made.
      await run("", "C0ALGEMEEN");
      const view = s.fake.callsOf("views.open")[0]!.body.view as Body;
      await s.submit(U.pieter, view, {
        classification: { value: input.select("groot") },
        scope: { value: input.radio("totaal") },
        description: { value: input.text("Brand in het administratief centrum") },
        office_hours: { value: input.radio("ja") },
      });
      const channel = await s.incidentChannel();
      await s.waitForMessage(channel, /^Oproeping crisisstaf/);
      await s.settled();
      for (const words of DURING) await run(words, channel);

      // Clicks on a task card in the channel: taken up, then refused to someone else.
      const [task] = await s.query(`SELECT "planTaskId" FROM "Task" WHERE status = 'open'`);
      const card = await s.taskCard(channel, String(task!.planTaskId));
      await s.click(U.bart, card, "Opnemen");
      await s.settled();
      const refused = await s.click(U.kevin, s.now(card), "Klaar");
      expect(JSON.stringify(await refused.reply())).toContain("⚠️");
      for (const words of AFTER) await run(words, channel);
      const paging = await s.waitForMessage(channel, /^Oproeping crisisstaf/);
      expect(JSON.stringify(s.now(paging).blocks)).toContain(
        "Wouter Hoste: Opgeroepen, nog geen antwoord — 📞 bellen: het nummer vindt u met status (alleen voor u) of op het crisisbord",
      );

      // Every answer to a command or click went to the person who typed it only.
      const responses = s.fake.callsOf("response");
      expect(responses.length).toBeGreaterThan(BEFORE.length + DURING.length + AFTER.length - 2);
      expect(responses.filter((r) => r.body.response_type !== "ephemeral")).toEqual([]);
      for (const call of s.fake.callsOf("chat.postEphemeral")) {
        expect(call.body.user).toBe(U.pieter);
      }

      // Nothing personal in any channel (DMs, `D…`, are the person's own).
      const shared = s.fake.calls.filter(
        (c) =>
          !["response", "chat.postEphemeral", "upload"].includes(c.method) &&
          !String(c.body.channel ?? c.body.channel_id ?? "").startsWith("D"),
      );
      const leaks = shared.flatMap((c) => {
        const found = personalIn(JSON.stringify(c.body), numbers);
        return found ? [`${c.method} ${String(c.body.channel)}: ${found}`] : [];
      });
      expect(leaks).toEqual([]);

      // The caller has them privately: a link for each `bord` and `review`, the number to call.
      const said = (words: string) => JSON.stringify(answers.get(words));
      expect(said("bord").match(/\/login\?token=/g)).toHaveLength(2);
      expect(said("review").match(/\/login\?token=/g)).toHaveLength(2);
      expect(said("status")).toContain(DPO_MOBILE);
    } finally {
      await s.close();
    }
  }, 120_000);
});
