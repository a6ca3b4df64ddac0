// The two modals: declaring from a form (`/ramp` or `/ramp start` without words), and the reason
// for a blocked task. Real Bolt over HTTP, fake Slack Web API, a fresh SQLite database.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Body, SlackMessage } from "../../support/fake-slack.ts";
import { buttonsOf, input, triggerId } from "../../support/slack-requests.ts";
import { SlackRamp, U } from "./harness.ts";

const blockText = (message: SlackMessage) => JSON.stringify(message.blocks);

describe("Slack modals", () => {
  let s: SlackRamp;
  const dir = mkdtempSync(path.join(tmpdir(), "ramp-slack-forms-"));

  beforeAll(async () => {
    s = await SlackRamp.start(`file:${path.join(dir, "ramp.db")}`);
  });
  afterAll(async () => {
    await s?.close();
  });

  const opened = () => s.fake.callsOf("views.open");

  it("opens the start form when the coordinator types /ramp without words", async () => {
    const trigger = triggerId();
    const sent = await s.command(U.pieter, "", { channelId: "C0ALGEMEEN", triggerId: trigger });
    expect(sent.status).toBe(200);
    const call = await s.fake.waitFor("views.open", () => opened()[0]);
    expect(call.body.trigger_id).toBe(trigger);
    const view = call.body.view as Body;
    expect(view.type).toBe("modal");
    expect(view.callback_id).toBe("ramp_start_form");
    expect(JSON.parse(String(view.private_metadata))).toEqual({ channelId: "C0ALGEMEEN" });
    expect((view.blocks as Body[]).map((b) => b.block_id)).toEqual([
      "classification",
      "scope",
      "description",
      "meeting",
      "office_hours",
    ]);
    // Primary or fallback meeting address, each with its name and street; primary preselected.
    const meeting = (view.blocks as Body[]).find((b) => b.block_id === "meeting")!.element as Body;
    expect(meeting.type).toBe("radio_buttons");
    const options = meeting.options as Array<{ value: string; text: Body; description: Body }>;
    expect(options.map((o) => [o.value, o.text.text, o.description.text])).toEqual([
      [
        "primary",
        "Primair contactadres — Administratief Centrum Heidehof",
        "Marktplein 1, 8981 Zonnebeke-Heide",
      ],
      [
        "fallback",
        "Uitwijk-contactadres — Woonzorgcentrum Ter Heide",
        "Kerkstraat 41, 8981 Zonnebeke-Heide",
      ],
    ]);
    expect((meeting.initial_option as Body).value).toBe("primary");
    // The scope is unknown until someone says: "nog onbekend" is chosen, never "totaal".
    const scope = (view.blocks as Body[]).find((b) => b.block_id === "scope")!.element as Body;
    expect((scope.initial_option as Body).value).toBe("onbekend");
    expect((scope.options as Body[]).map((o) => o.value)).toEqual([
      "onbekend",
      "totaal",
      "gedeeltelijk",
    ]);
    // The form is the whole answer: nothing in the conversation.
    expect(s.fake.responsesTo(sent.responseUrl)).toEqual([]);
  });

  it("refuses a submitted form without a description, inside the form, and declares nothing", async () => {
    const view = opened()[0]!.body.view as Body;
    const answer = await s.submit(U.pieter, view, {
      classification: { value: input.select("groot") },
      scope: { value: input.radio("totaal") },
      description: { value: input.text("   ") },
      office_hours: { value: input.radio(null) },
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({
      response_action: "errors",
      errors: { description: "Geef een korte omschrijving." },
    });
    expect(await s.count(`SELECT count(*) FROM "Incident"`)).toBe(0);
  });

  it("declares from the submitted form; the confirmation comes by DM from #algemeen, where the bot is not", async () => {
    const view = opened()[0]!.body.view as Body;
    const answer = await s.submit(U.pieter, view, {
      classification: { value: input.select("crisis") },
      scope: { value: input.radio("gedeeltelijk") },
      description: { value: input.text("Ransomware op de servers") },
      meeting: { value: input.radio("fallback") },
      office_hours: { value: input.radio("ja") },
    });
    expect(answer).toEqual({ status: 200, body: "" });
    const told = await s.fake.waitFor(
      "the ephemeral confirmation",
      () => s.fake.callsOf("chat.postEphemeral")[0],
    );
    expect(told.body).toMatchObject({ channel: "C0ALGEMEEN", user: U.pieter });
    // Slack shows no ephemeral message from a bot outside the channel: it comes by DM instead.
    expect(told.answer).toMatchObject({ ok: false, error: "not_in_channel" });
    const dm = await s.fake.waitFor("the confirmation by DM", () => s.fake.postsTo(U.pieter)[0]);
    expect(dm.body.text).toBe(told.body.text);
    expect(told.body.text).toBe(
      "✅ Incident 2026-001 is gestart; de crisisstaf wordt opgeroepen. Volgende stap: leg na de vergadering de evaluatie vast met /ramp evaluatie &lt;toestand&gt;; dan volgt de beslissing A of B.",
    );
    const [incident] = await s.query(
      `SELECT classification, scope, description, "officeHours", meeting FROM "Incident"`,
    );
    expect(incident).toMatchObject({
      classification: "crisis",
      scope: "gedeeltelijk",
      description: "Ransomware op de servers",
      meeting: "fallback",
    });
    expect(Boolean(incident?.officeHours)).toBe(true);
    // And the crisis staff is paged as after /ramp start.
    const channel = await s.incidentChannel("ramp-2026-11-22-ransomware-op-de-servers");
    await s.waitForMessage(channel, "Incident 2026-001 — Ransomware op de servers");
    await s.waitForMessage(
      s.fake.dmOf(U.sofie),
      "het uitwijk-contactadres Woonzorgcentrum Ter Heide",
    );
  });

  it("answers /ramp without words with the help during an incident, and refuses the form to others", async () => {
    const during = await s.command(U.sofie, "");
    expect(String((await during.reply()).text)).toMatch(/^\*Ramp — het rampenplan, live\*/);
    const stranger = await s.command(U.bart, "start");
    const refusal = await stranger.reply();
    expect(refusal.response_type).toBe("ephemeral");
    expect(refusal.text).toBe(
      "⚠️ Enkel de coördinator of een plaatsvervanger kan een incident starten.",
    );
    expect(opened()).toHaveLength(1);
  });

  it("opens the reason form from the Blokkeren… button and blocks the task on submission", async () => {
    const decided = await s.command(U.pieter, "besluit B");
    await decided.reply();
    const channel = await s.incidentChannel("ramp-2026-11-22-ransomware-op-de-servers");
    const card = await s.taskCard(channel, "b-tech-backups");
    const trigger = triggerId();
    const click = await s.click(U.bart, card, "Blokkeren…", { triggerId: trigger });
    expect(click.status).toBe(200);
    const call = await s.fake.waitFor("the reason form", () => opened()[1]);
    expect(call.body.trigger_id).toBe(trigger);
    const view = call.body.view as Body;
    expect(view.callback_id).toBe("ramp_block_reason");
    const [task] = await s.query(`SELECT id FROM "Task" WHERE "planTaskId" = 'b-tech-backups'`);
    expect(JSON.parse(String(view.private_metadata))).toEqual({ taskId: task?.id });
    expect(JSON.stringify(view.blocks)).toContain("*Back-ups beschikbaar stellen*");
    // Opening the form changes nothing yet.
    expect(await s.timelineCount("task.blocked")).toBe(0);

    const empty = await s.submit(U.bart, view, { reason: { value: input.text("") } });
    expect(JSON.parse(empty.body)).toEqual({
      response_action: "errors",
      errors: { reason: "Geef een reden." },
    });

    const reason = "Wachten op de leverancier: de back-upserver is mee versleuteld";
    const saved = await s.submit(U.bart, view, { reason: { value: input.text(reason) } });
    expect(saved).toEqual({ status: 200, body: "" });
    const blocked = await s.fake.waitFor("the card marked blocked", () => {
      const m = s.now(card);
      return m.text.endsWith("— Geblokkeerd") && m;
    });
    expect(blockText(blocked)).toContain(`🟥 ${reason}`);
    expect(blockText(blocked)).toContain("Eigenaar: *Bart Lannoo*");
    expect(buttonsOf(blocked.blocks).map((b) => b.text)).toEqual([
      "Deblokkeren",
      "Klaar",
      "Vrijgeven",
    ]);
    const [row] = await s.query(
      `SELECT status, "ownerId", "blockedReason" FROM "Task" WHERE "planTaskId" = 'b-tech-backups'`,
    );
    expect(row).toEqual({ status: "blocked", ownerId: "bart-lannoo", blockedReason: reason });
    expect(await s.timelineCount("task.blocked")).toBe(1);
    // The coordinator and the deputy hear of it in their DMs.
    for (const leader of [U.pieter, U.sofie]) {
      await s.waitForMessage(
        s.fake.dmOf(leader),
        `Geblokkeerd: "Back-ups beschikbaar stellen" (Bart Lannoo): ${reason}`,
      );
    }
  });

  it("tells someone outside the plan who submits a form, by DM, and changes nothing", async () => {
    const view = opened()[1]!.body.view as Body;
    const before = await s.timelineCount("task.blocked");
    const answer = await s.submit(U.stranger, view, {
      reason: { value: input.text("Ik weet het") },
    });
    expect(answer).toEqual({ status: 200, body: "" });
    const told = await s.fake.waitFor(
      "the refusal",
      () => s.fake.callsOf("chat.postMessage", (b) => b.channel === U.stranger)[0],
    );
    expect(told.body.text).toBe(
      "⚠️ U staat niet in het crisisplan. Vraag de coördinator om u toe te voegen.",
    );
    expect(await s.timelineCount("task.blocked")).toBe(before);
  });
});
