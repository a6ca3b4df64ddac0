import { expect, it } from "vitest";
import { parseChatCommand } from "../../src/core/chat/parse.ts";
import { runChatCommand } from "../../src/core/chat/run.ts";
import { describeEachDatabase } from "../support/databases.ts";
import { COORDINATOR, declare, freshEngine } from "./fixtures.ts";

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
});
