// Everything Ramp sends about an exercise, rendered for each platform: OEFENING comes first on
// every Slack message (header and fallback text), every Teams card (in the attention colour),
// every SMS, and the shared oefenverslag; each payload passes the platform's own checks.
import { expect, it } from "vitest";
import { channelName } from "../../src/adapters/slack/incident-channel.ts";
import {
  renderCard as slackCard,
  renderNotice as slackNotice,
} from "../../src/adapters/slack/render/index.ts";
import { reviewBlocks } from "../../src/adapters/slack/render/review.ts";
import { pageText } from "../../src/adapters/sms/render.ts";
import {
  renderCard as teamsCard,
  renderNotice as teamsNotice,
} from "../../src/adapters/teams/render/index.ts";
import { reviewCard } from "../../src/adapters/teams/render/review.ts";
import { buildReview } from "../../src/core/review/build.ts";
import { reviewShareView } from "../../src/core/review/share-view.ts";
import type { CardView } from "../../src/core/views/types.ts";
import { COORDINATOR, freshEngine, pageOf } from "../core/fixtures.ts";
import { describeEachDatabase } from "../support/databases.ts";
import { checkSlackMessage } from "../support/slack-blocks-check.ts";
import { teamsCardProblems } from "../support/teams-card-check.ts";

const MARK = "OEFENING O-2026-001 — dit is een oefening, geen echt incident.";
const links = {
  page: "https://ramp.example.be/reviews/abc",
  docx: "https://ramp.example.be/reviews/abc/oefenverslag.docx",
  expiresAt: new Date("2026-12-01T11:00:00Z"),
};

describeEachDatabase("an exercise on every platform", (target) => {
  it("puts OEFENING first on every card, notice, SMS and the oefenverslag", async () => {
    const { t } = await freshEngine(target);
    const actor = t.as(COORDINATOR);
    const exercise = await t.engine.startExercise(actor, { scenario: "ransomware-bestandsserver" });
    await t.engine.decide(actor, exercise.id, { situation: "B", reason: "oefening" });
    const page = await pageOf(t, exercise.id, "deskundige-ict");
    const [task] = await t.ctx.store.tasks.listForIncident(exercise.id);
    const views: CardView[] = await Promise.all([
      t.engine.views.card({ kind: "incident", incidentId: exercise.id }),
      t.engine.views.card({ kind: "paging", incidentId: exercise.id }),
      t.engine.views.card({ kind: "decision", incidentId: exercise.id }),
      t.engine.views.card({ kind: "page", pageId: page.id }),
      t.engine.views.card({ kind: "task", taskId: task!.id }),
    ]);
    const notices = (await t.ctx.store.outbox.listForIncident(exercise.id)).flatMap((i) =>
      i.delivery.type === "notice" ? [i.delivery.notice] : [],
    );
    expect(notices.map((n) => n.kind)).toContain("exercise-inject");

    const slack = [
      ...views.map((v) => slackCard(v, true)),
      ...notices.map((n) => slackNotice(n, true)),
    ];
    for (const message of slack) {
      expect(checkSlackMessage(message as never)).toEqual([]);
      expect(message.text.startsWith("OEFENING: ")).toBe(true);
      expect(message.blocks[0]).toMatchObject({ type: "header", text: { text: "🟧 OEFENING 🟧" } });
      expect(JSON.stringify(message.blocks[1])).toContain(MARK);
    }
    const teams = [...views.map((v) => teamsCard(v, true)), ...notices.map((n) => teamsNotice(n))];
    for (const card of teams) {
      expect(teamsCardProblems(card)).toEqual([]);
      const [banner, line] = card.body as Array<Record<string, unknown>>;
      expect(banner).toMatchObject({
        type: "TextBlock",
        text: "🟧 OEFENING 🟧",
        color: "Attention",
      });
      expect(line).toMatchObject({ text: MARK, color: "Attention" });
    }
    const sms = pageText(views[3] as never, "https://ramp.example.be/s/x", true);
    expect(sms.startsWith("OEFENING: Ramp: Oefening O-2026-001 — Ransomware")).toBe(true);
    const channel = channelName("ramp", exercise, "Europe/Brussels");
    expect(channel).toBe("oefening-o-2026-001-ransomware-op-de-bestandsserver");

    await t.engine.stopExercise(actor);
    const review = await buildReview(t.engine, exercise.id);
    const share = reviewShareView(
      review,
      { incidentId: exercise.id, reason: "closed", requestedById: null },
      t.engine.directory,
    );
    expect(share.lead).toMatch(/^Oefening O-2026-001 is beëindigd\. Hier is het oefenverslag/);
    const blocks = reviewBlocks(share, links, {
      locale: "nl",
      timeZone: "Europe/Brussels",
      attached: true,
    });
    expect(checkSlackMessage({ text: share.fallback, blocks } as never)).toEqual([]);
    expect(blocks[0]).toMatchObject({ type: "header", text: { text: "🟧 OEFENING 🟧" } });
    expect(share.fallback.startsWith("OEFENING: Oefenverslag — oefening O-2026-001")).toBe(true);
    const card = reviewCard(share, links, { locale: "nl", timeZone: "Europe/Brussels" });
    expect(teamsCardProblems(card)).toEqual([]);
    expect((card.body as Array<{ text: string }>)[1]!.text).toBe(MARK);
  });
});
