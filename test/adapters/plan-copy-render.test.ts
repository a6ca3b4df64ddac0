// The message that brings a holder their copy passes Slack's documented limits and Teams'
// Adaptive Card rules, in the copy and the reminder form, and says nothing for an old version.
import { describe, expect, it } from "vitest";
import { renderNotice as slackNotice } from "../../src/adapters/slack/render/index.ts";
import { renderNotice as teamsNotice } from "../../src/adapters/teams/render/index.ts";
import type { EngineContext } from "../../src/core/context.ts";
import { PlanDirectory } from "../../src/core/directory.ts";
import { planCopyNotice } from "../../src/core/plan-copies/message.ts";
import { parsePlan } from "../../src/plan/load.ts";
import { SAMPLE_TEXT } from "../plan/plan-text.ts";
import { checkSlackMessage } from "../support/slack-blocks-check.ts";
import { teamsCardProblems } from "../support/teams-card-check.ts";

const loaded = parsePlan(SAMPLE_TEXT);
if (!loaded.ok) throw new Error("sample plan does not load");
const dir = new PlanDirectory(loaded.plan, loaded.hash);
const ctx = {
  dir,
  clock: { now: () => new Date("2026-11-30T09:00:00Z") },
  planCopyLink: (hash: string, person: string) =>
    `https://ramp.example.be/copies/${hash.slice(0, 8)}.${person}`,
} as unknown as EngineContext;

describe("the plan copy's message", () => {
  for (const reminder of [false, true]) {
    it(`passes Slack's and Teams' checks (${reminder ? "reminder" : "copy"})`, () => {
      const notice = planCopyNotice(ctx, {
        planHash: dir.planHash,
        personId: "bart-lannoo",
        reminder,
      })!;
      expect(notice.text).toContain(
        `https://ramp.example.be/copies/${dir.planHash.slice(0, 8)}.bart-lannoo`,
      );
      expect(notice.text).toContain(
        reminder ? "Herinnering" : "Vertrouwelijk — exemplaar van Bart Lannoo",
      );
      expect(checkSlackMessage(slackNotice(notice, true) as never)).toEqual([]);
      expect(teamsCardProblems(teamsNotice(notice))).toEqual([]);
    });
  }

  it("is not sent for a plan version that is no longer running", () => {
    expect(
      planCopyNotice(ctx, { planHash: "0".repeat(64), personId: "bart-lannoo", reminder: false }),
    ).toBeNull();
  });
});
