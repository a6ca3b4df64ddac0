// `/ramp gereed` on every platform: the readiness view as a Slack message, a Teams card and a
// local chat card, each passing the platform's checks; the numbers to call only as the
// coordinator's personal part, never in the body a channel may read.
import { expect, it } from "vitest";
import { renderReply as slackReply } from "../../src/adapters/slack/render/index.ts";
import { renderReply as teamsReply } from "../../src/adapters/teams/render/index.ts";
import { renderContext } from "../../src/adapters/web/render/context.ts";
import { replyHtml } from "../../src/adapters/web/render/reply.ts";
import { words } from "../../src/adapters/web/render/words.ts";
import { parseChatCommand } from "../../src/core/chat/parse.ts";
import { withoutPersonal } from "../../src/core/chat/personal.ts";
import { type ChatReply, runChatCommand } from "../../src/core/chat/run.ts";
import { COORDINATOR } from "../core/fixtures.ts";
import { describeEachDatabase } from "../support/databases.ts";
import { createTestEngine } from "../support/engine.ts";
import { ICT, planWithGaps } from "../support/readiness-plan.ts";
import { checkSlackMessage } from "../support/slack-blocks-check.ts";
import { teamsCardProblems } from "../support/teams-card-check.ts";

type Readiness = Extract<ChatReply, { kind: "readiness" }>;

it("reads gereed, paraat and readiness as the readiness command", () => {
  for (const word of ["/ramp gereed", "paraat", "readiness"])
    expect(parseChatCommand(word)).toEqual({ kind: "readiness" });
});

describeEachDatabase("readiness in the chat", (target) => {
  it("renders on Slack, Teams and the local chat, numbers only for the coordinator", async () => {
    const t = await createTestEngine(await target.open({}, await target.createDatabase()), {
      plan: await planWithGaps(),
      channels: ["slack"],
    });
    const command = parseChatCommand("/ramp gereed");
    const reply = (await runChatCommand(
      t.engine,
      t.as(COORDINATOR),
      command,
      "/ramp",
    )) as Readiness;
    expect(reply.kind).toBe("readiness");
    expect(JSON.stringify(reply.view)).not.toContain("+32");
    expect(reply.personal?.what).toBe("phone-numbers");
    // Kevin can only be called (so can the DPO's two, without a Slack id in the sample plan);
    // Bart has no number at all, and whoever Slack reaches needs no call.
    expect(reply.personal?.text.split("\n")).toEqual([
      "Te bellen (Ramp bereikt hen niet of zij antwoordden niet op de test; alleen voor u):",
      `• ${ICT} — Kevin Dumon (vervanger 1): +32 472 70 38 12`,
      "• Data Protection Officer — Wouter Hoste (houder): +32 474 91 36 58",
      "• Data Protection Officer — An Peeters (vervanger 1): +32 470 58 22 19",
    ]);
    const member = await runChatCommand(t.engine, t.as("marleen-vandamme"), command, "/ramp");
    expect(member.personal).toBeUndefined();

    const slack = slackReply(reply, true);
    expect(checkSlackMessage(slack as never)).toEqual([]);
    const shared = JSON.stringify(slackReply(withoutPersonal(reply), true));
    expect(shared).toContain("Paraatheid van de crisisstaf");
    expect(shared).toContain(`*${ICT}*: Kevin Dumon`);
    expect(shared).toContain(
      "Bart Lannoo (houder): geen chat-id en geen telefoonnummer in het plan",
    );
    expect(shared).not.toContain("+32");
    expect(JSON.stringify(slack)).toContain("+32 472 70 38 12");

    const teams = teamsReply(reply, true);
    expect(teamsCardProblems(teams)).toEqual([]);
    const teamsShared = JSON.stringify(teamsReply(withoutPersonal(reply), true));
    expect(teamsShared).toContain("Paraatheid van de crisisstaf");
    expect(teamsShared).not.toContain("+32");

    const ctx = renderContext({
      w: words("nl"),
      locale: "nl",
      timeZone: "Europe/Brussels",
      now: t.clock.now(),
      csrf: null,
      back: "/chat",
      actorId: COORDINATOR,
      leader: true,
    });
    const local = replyHtml(ctx, reply).value;
    expect(local).toContain('<a href="/#readiness-functions">Bereikbaarheid per functie</a>');
    expect(local).toContain("Te bellen");
  });
});
