// The post-incident review through Slack: closing with /ramp stop posts the first draft in the
// incident channel with the Word document attached (Slack's three-step upload, against the fake
// Web API); /ramp review shares it again, once; a rate-limited upload is retried by the outbox.
import { afterAll, beforeAll, expect, it } from "vitest";
import { docxParagraphs } from "../../review/helpers.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import type { Body, UploadedFile } from "../../support/fake-slack.ts";
import { SlackRamp, U } from "./harness.ts";

const fieldsOf = (blocks: Body[]) =>
  blocks.flatMap((b) =>
    ((b.fields as Array<{ text: string }> | undefined) ?? []).map((f) => f.text),
  );
const textOf = (blocks: Body[]) => JSON.stringify(blocks);

/** The target of the mrkdwn link labelled `label` in the blocks. */
function linkIn(blocks: Body[], label: string): string | undefined {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`<([^|>]+)\\|${escaped}>`).exec(textOf(blocks));
  return match?.[1]?.replaceAll("&amp;", "&");
}

describeEachDatabase("Slack: the post-incident review", (target) => {
  let s: SlackRamp;
  let channel: string;
  let first: UploadedFile;

  beforeAll(async () => {
    s = await SlackRamp.start(target.url);
    await (await s.command(U.pieter, "start groot Brand in het administratief centrum")).reply();
    channel = await s.incidentChannel();
    await (await s.command(U.pieter, "besluit B Gebouw blijft na nazicht bruikbaar")).reply();
    await s.settled();
  });
  afterAll(async () => {
    await s?.close();
  });

  const advance = (ms: number) => s.clock.set(new Date(s.clock.now().getTime() + ms));

  it("shares nothing while the incident runs", () => {
    expect(s.fake.uploadedFiles()).toEqual([]);
    expect(s.fake.callsOf("files.getUploadURLExternal")).toEqual([]);
  });

  it("closes with /ramp stop and posts the first draft, with the Word document, after the closing notice", async () => {
    advance(3 * 3_600_000);
    const reply = await (
      await s.command(U.pieter, "stop Brand geblust, diensten lopen bevestig")
    ).reply();
    expect(reply.text).toMatch(/^Incident 2026-001 is afgesloten/);
    first = await s.fake.waitFor("the review's file", () => s.fake.uploadedFiles(channel)[0]);

    expect(first.filename).toBe("post-incident-review-2026-001.docx");
    expect(first.bytes!.length).toBe(first.length);
    const paragraphs = await docxParagraphs(first.bytes!);
    expect(paragraphs.join("\n")).toContain("2026-001");

    // One message: the file with the review's blocks, right after the closing notice.
    const messages = s.fake.messagesIn(channel);
    const shared = messages.find((m) => m.files?.includes(first.id))!;
    const notice = messages.findIndex((m) => m.text.startsWith("Incident 2026-001 is afgesloten"));
    expect(notice).toBeGreaterThanOrEqual(0);
    expect(messages.indexOf(shared)).toBeGreaterThan(notice);
    expect(shared.blocks).toEqual(first.blocks);
  });

  it("lays the review out with its title, lead, key figures, what is left and a link to read it online", async () => {
    const [head, lead] = first.blocks;
    expect(head).toMatchObject({
      type: "header",
      text: { type: "plain_text", text: first.title },
    });
    expect(first.title).toContain("2026-001");
    expect(textOf([lead!])).toContain(
      "Incident 2026-001 is afgesloten. Hier is het eerste ontwerp van de post-incident review",
    );
    const fields = fieldsOf(first.blocks);
    expect(fields).toContain("*Incident*\n2026-001 — Brand in het administratief centrum");
    expect(fields.find((f) => f.startsWith("*Beslissing*"))).toMatch(/situatie B/);
    expect(fields.find((f) => f.startsWith("*Duur*"))).toMatch(/3 u/);
    expect(fields.find((f) => f.startsWith("*Tijdlijn*"))).toMatch(/^\*Tijdlijn\*\nintact/);
    expect(textOf(first.blocks)).toMatch(/\d+ van de \d+ vragen zijn aan het team/);
    // The timeline verifies: no warning.
    expect(textOf(first.blocks)).not.toContain("⚠️");

    const page = linkIn(first.blocks, "Online lezen");
    expect(page).toMatch(/\/reviews\/[^/]+$/);
    const response = await fetch(page!);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("2026-001");
  });

  const unchanged = async (who: string, files: number) => {
    const reply = await (await s.command(who, "review")).reply();
    expect(reply.text).toMatch(/Sinds het ontwerp van .+ werd niets nieuws vastgelegd/);
    await s.settled();
    expect(s.fake.uploadedFiles(channel)).toHaveLength(files);
    expect(s.fake.callsOf("files.getUploadURLExternal")).toHaveLength(files);
  };

  it("does not upload it again right after closing: nothing was recorded since", async () => {
    advance(60_000);
    await unchanged(U.sofie, 1);
  });

  it("shares it again with /ramp review later, at the request of the person who asked", async () => {
    // Past the window in which an unchanged draft is not shared again.
    advance(11 * 60_000);
    const reply = await (await s.command(U.sofie, "review")).reply();
    expect(reply.text).toContain("worden gedeeld in het incidentkanaal");
    const again = await s.fake.waitFor("the second file", () => s.fake.uploadedFiles(channel)[1]);
    expect(again.filename).toBe(first.filename);
    expect(textOf(again.blocks)).toContain(
      "De post-incident review van incident 2026-001 is opnieuw opgemaakt uit de tijdlijn op vraag van Sofie",
    );
    expect((await docxParagraphs(again.bytes!)).join("\n")).toContain("2026-001");
  });

  it("does not upload it a third time when asked again at once", async () => {
    advance(60_000);
    await unchanged(U.pieter, 2);
  });

  it("retries a rate-limited upload through the outbox and posts the file exactly once", async () => {
    // Past the window in which an unchanged draft is not shared again.
    advance(11 * 60_000);
    s.fake.fail("files.getUploadURLExternal", { status: 429, retryAfter: 2 });
    s.fake.fail("files.completeUploadExternal", { status: 429, retryAfter: 3 });
    await (await s.command(U.pieter, "review")).reply();
    await s.settled();
    expect(s.fake.callsOf("files.getUploadURLExternal").at(-1)!.status).toBe(429);

    advance(2_000);
    await s.tick();
    await s.settled();
    // The second attempt uploaded the bytes, then completing was rate-limited: nothing shared.
    expect(s.fake.callsOf("files.completeUploadExternal").at(-1)!.status).toBe(429);
    expect(s.fake.uploadedFiles(channel)).toHaveLength(2);

    advance(3_000);
    await s.tick();
    const third = await s.fake.waitFor("the third file", () => s.fake.uploadedFiles(channel)[2]);
    await s.settled();
    expect(s.fake.pendingFailures()).toBe(0);
    expect(s.fake.uploadedFiles(channel)).toHaveLength(3);
    expect(textOf(third.blocks)).toContain("op vraag van Pieter Declercq");
    const sent = await s.query(
      `SELECT status, attempts FROM "OutboxMessage" WHERE status <> 'sent' AND status <> 'dead'`,
    );
    expect(sent).toEqual([]);
  });
});
