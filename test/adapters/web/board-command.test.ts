// `/ramp bord` on every platform: the command words, the reply, and how Slack and Teams show it.
import { describe, expect, it } from "vitest";
import { renderReply as slackReply } from "../../../src/adapters/slack/render/index.ts";
import {
  renderPersonal,
  renderReply as teamsReply,
  withNote,
} from "../../../src/adapters/teams/render/index.ts";
import { renderContext } from "../../../src/adapters/web/render/context.ts";
import { replyHtml } from "../../../src/adapters/web/render/reply.ts";
import { words } from "../../../src/adapters/web/render/words.ts";
import { parseChatCommand } from "../../../src/core/chat/parse.ts";
import { withheldNote, withoutPersonal } from "../../../src/core/chat/personal.ts";
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

  it("shows the link in the local chat's answer, which only whoever typed the command sees", () => {
    const ctx = renderContext({
      w: words("nl"),
      locale: "nl",
      timeZone: "Europe/Brussels",
      now: new Date("2026-11-22T08:00:00Z"),
      csrf: null,
      back: "/chat",
      actorId: null,
      leader: false,
    });
    expect(replyHtml(ctx, reply).value).toBe(
      '<p>Het crisisbord toont het incident live, in de browser.</p><p class="personal">🔒 Uw persoonlijke link naar het crisisbord.</p><p><a href="https://ramp.example.be/login?token=abc.def">Crisisbord</a></p>',
    );
  });

  it("leaves the link out of a Teams reply for a channel, and says where it went", () => {
    const shared = withNote(
      teamsReply(withoutPersonal(reply), true),
      withheldNote(reply.personal!, "nl", true),
    );
    expect(JSON.stringify(shared)).not.toContain("token=");
    expect(JSON.stringify(shared)).toContain("staat in uw persoonlijke chat met Ramp");
    const personal = renderPersonal(reply.personal!, true);
    expect(personal.actions).toEqual([
      {
        type: "Action.OpenUrl",
        title: "Open het crisisbord",
        url: "https://ramp.example.be/login?token=abc.def",
      },
    ]);
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
