// `/ramp bord` on every platform: the command words, the reply, and how Slack and Teams show it.
import { describe, expect, it } from "vitest";
import { renderReply as slackReply } from "../../../src/adapters/slack/render/index.ts";
import { renderReply as teamsReply } from "../../../src/adapters/teams/render/index.ts";
import { parseChatCommand } from "../../../src/core/chat/parse.ts";
import { type ChatReply, runChatCommand } from "../../../src/core/chat/run.ts";
import { PlanDirectory } from "../../../src/core/directory.ts";
import type { CrisisEngine } from "../../../src/core/engine.ts";
import { loadSamplePlan } from "../../support/engine.ts";

async function engineWith(boardLink?: CrisisEngine["ctx"]["boardLink"]): Promise<CrisisEngine> {
  const { plan, hash } = await loadSamplePlan();
  // runChatCommand needs only the directory and the link for this command.
  return {
    directory: new PlanDirectory(plan, hash),
    ctx: { boardLink },
  } as unknown as CrisisEngine;
}

const actor = { personId: "marleen-vandamme", source: "slack" } as const;

describe("/ramp bord", () => {
  it.each(["bord", "board", "crisisbord", "/ramp bord", "BORD"])("reads %s", (words) => {
    expect(parseChatCommand(words)).toEqual({ kind: "board" });
  });

  it("answers with the personal link and until when it is valid", async () => {
    const engine = await engineWith(() => ({
      url: "https://ramp.example.be/login?token=abc.def",
      personal: true,
      expiresAt: new Date("2026-11-22T20:00:00Z"),
    }));
    const reply = await runChatCommand(engine, actor, parseChatCommand("bord"), "/ramp");
    // The link is the reply's personal part: only for a private answer.
    expect(reply).toEqual({
      kind: "board",
      url: null,
      text: "Het crisisbord toont het incident live, in de browser.",
      personal: {
        what: "sign-in-link",
        url: "https://ramp.example.be/login?token=abc.def",
        text: "Uw persoonlijke link naar het crisisbord, geldig tot zo 22 nov 21:00. Stuur hem niet door: wie hem heeft, ziet het bord als u.",
      },
    });
  });

  it("says where the board is in local mode, and that there is none without the web", async () => {
    const local = await engineWith(() => ({
      url: "http://127.0.0.1:3978/",
      personal: false,
      expiresAt: null,
    }));
    expect(await runChatCommand(local, actor, { kind: "board" }, "/ramp")).toEqual({
      kind: "board",
      url: "http://127.0.0.1:3978/",
      text: "Het crisisbord staat op http://127.0.0.1:3978/",
    });
    expect(await runChatCommand(await engineWith(), actor, { kind: "board" }, "/ramp")).toEqual({
      kind: "board",
      url: null,
      text: "Het crisisbord is niet ingeschakeld.",
    });
  });

  const reply: Extract<ChatReply, { kind: "board" }> = {
    kind: "board",
    text: "Het crisisbord toont het incident live, in de browser.",
    url: null,
    personal: {
      what: "sign-in-link",
      text: "Uw persoonlijke link naar het crisisbord.",
      url: "https://ramp.example.be/login?token=abc.def",
    },
  };

  it("shows the link as a Slack link (the command's reply is ephemeral)", () => {
    const message = slackReply(reply, true);
    expect(message.text).toBe(reply.text);
    expect(JSON.stringify(message.blocks)).toContain(
      "🔒 Uw persoonlijke link naar het crisisbord.\\n<https://ramp.example.be/login?token=abc.def|Open het crisisbord>",
    );
  });

  it("shows the link as an Open URL button on the Teams card", () => {
    const card = teamsReply(reply, false);
    expect(card.actions).toEqual([
      {
        type: "Action.OpenUrl",
        title: "Open the crisis board",
        url: "https://ramp.example.be/login?token=abc.def",
      },
    ]);
  });
});
