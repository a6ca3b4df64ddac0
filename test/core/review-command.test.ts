import { expect, it } from "vitest";
import { parseChatCommand } from "../../src/core/chat/parse.ts";
import { runChatCommand } from "../../src/core/chat/run.ts";
import { describeEachDatabase } from "../support/databases.ts";
import type { TestEngine } from "../support/engine.ts";
import { COORDINATOR, declare, freshEngine, outbox } from "./fixtures.ts";

/** The review shares queued for an incident: why, and at whose request. */
async function shares(t: TestEngine, incidentId: string) {
  return (await outbox(t, incidentId)).flatMap((item) =>
    item.delivery.type === "review"
      ? [`${item.channel} ${item.delivery.review.reason} ${item.delivery.review.requestedById}`]
      : [],
  );
}

describeEachDatabase("/ramp review", (target) => {
  it("answers with the review's key figures for the last incident, also after it closed", async () => {
    const { t } = await freshEngine(target);
    const actor = t.as(COORDINATOR);
    const none = await runChatCommand(t.engine, actor, parseChatCommand("review"), "/ramp");
    expect(none).toMatchObject({ kind: "error", error: { code: "no-active-incident" } });

    const incident = await declare(t);
    await t.engine.decide(actor, incident.id, { situation: "B" });
    await t.engine.close(actor, incident.id);
    const reply = await runChatCommand(t.engine, actor, parseChatCommand("/ramp review"), "/ramp");
    expect(reply.kind).toBe("text");
    const text = (reply as { text: string }).text;
    expect(text.split("\n")[0]).toMatch(/2026-001$/);
    expect(text).toMatch(/\n• .+: .+/);
    expect(text).toContain("npx ramp review 2026-001 --format docx --out review.docx");
    // By number, the same review.
    const byNumber = await runChatCommand(
      t.engine,
      actor,
      parseChatCommand("rapport 2026-001"),
      "/ramp",
    );
    expect((byNumber as { text: string }).text.split("\n").slice(0, 2)).toEqual(
      text.split("\n").slice(0, 2),
    );
  });

  it("shares the review where the incident is followed, but not the same draft twice in a row", async () => {
    const { t } = await freshEngine(target);
    const incident = await declare(t);
    const marleen = t.as("marleen-vandamme");
    const say = async (words: string) =>
      (
        (await runChatCommand(t.engine, marleen, parseChatCommand(words), "/ramp")) as {
          text: string;
        }
      ).text;

    // During the incident: an interim draft, shared once per delivery channel.
    expect(await say("review")).toContain(
      "Het ontwerp en het Word-document worden gedeeld in het incidentkanaal.",
    );
    expect(await shares(t, incident.id)).toEqual(["slack requested marleen-vandamme"]);
    t.clock.advanceMinutes(2);
    expect(await say("review")).toContain(
      "Sinds het ontwerp van za 21 nov 22:00 werd niets nieuws vastgelegd",
    );
    expect(await shares(t, incident.id)).toHaveLength(1);
    // Something new on the timeline: a new draft.
    t.clock.advanceMinutes(1);
    await t.engine.log(t.as(COORDINATOR), incident.id, "Brandweer ter plaatse");
    t.clock.advanceMinutes(1);
    await say("review");
    expect(await shares(t, incident.id)).toHaveLength(2);

    // Closing shares the first draft; asking right after shares nothing new, later it does.
    t.clock.advanceMinutes(30);
    await t.engine.close(t.as(COORDINATOR), incident.id);
    expect((await shares(t, incident.id)).at(-1)).toBe("slack closed null");
    t.clock.advanceMinutes(5);
    expect(await say("review 2026-001")).toContain("werd niets nieuws vastgelegd");
    t.clock.advanceMinutes(10);
    await say("review 2026-001");
    expect(await shares(t, incident.id)).toEqual([
      "slack requested marleen-vandamme",
      "slack requested marleen-vandamme",
      "slack closed null",
      "slack requested marleen-vandamme",
    ]);
  });

  it("refuses someone who is not in the plan", async () => {
    const { t } = await freshEngine(target);
    const incident = await declare(t);
    await expect(t.engine.shareReview(t.as("stranger"), incident.id)).rejects.toMatchObject({
      code: "not-in-plan",
    });
    expect(await shares(t, incident.id)).toEqual([]);
  });
});
