// SlackDelivery on its own: two deliveries of one card at the same moment (the kick after a
// command and the scheduler's tick both dispatching) must post it once and create one channel.
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { webApi } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlackAdapter } from "../../../src/adapters/slack/app.ts";
import { SlackDelivery } from "../../../src/adapters/slack/delivery.ts";
import { openIncidentChannel } from "../../../src/adapters/slack/incident-channel.ts";
import type { OutboxItem } from "../../../src/core/model.ts";
import { DeliveryError } from "../../../src/core/outbox.ts";
import { createLogger } from "../../../src/logging.ts";
import { type Database, openDatabase } from "../../../src/store/database.ts";
import { PrismaConversationRefs } from "../../../src/store/repositories/conversations.ts";
import { createTestEngine, type TestEngine } from "../../support/engine.ts";
import { FakeSlack } from "../../support/fake-slack.ts";
import { BOT_TOKEN, PAGED_AT_START, T0 } from "./harness.ts";

/** Links as the web adapter signs them (their shape is all the Slack adapter needs). */
const reviewLinks = (incidentId: string) => ({
  page: `https://ramp.example.be/review/${incidentId}?sig=test`,
  docx: `https://ramp.example.be/review/${incidentId}.docx?sig=test`,
  expiresAt: new Date(T0.getTime() + 7 * 86_400_000),
});

describe("SlackDelivery", () => {
  let db: Database;
  let fake: FakeSlack;
  let t: TestEngine;
  let delivery: SlackDelivery;
  let incidentId: string;
  const dir = mkdtempSync(path.join(tmpdir(), "ramp-slack-delivery-"));

  beforeAll(async () => {
    db = await openDatabase(`file:${path.join(dir, "ramp.db")}`);
    fake = await FakeSlack.start();
    t = await createTestEngine(db, { start: T0 });
    const client = new webApi.WebClient(BOT_TOKEN, {
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    });
    const refs = new PrismaConversationRefs(db.client, () => randomUUID());
    delivery = new SlackDelivery(client, t.engine, refs, createLogger("silent"), reviewLinks);
    const incident = await t.engine.declare(t.as("pieter-declercq"), {
      classification: "groot",
      scope: "totaal",
      description: "Brand in het administratief centrum",
    });
    incidentId = incident.id;
  });
  afterAll(async () => {
    await fake?.close();
    await db?.close();
  });

  const item = (n: number, card: OutboxItem["delivery"], audience: OutboxItem["audience"]) =>
    ({
      id: `item-${n}`,
      incidentId,
      dedupeKey: `test-${n}`,
      channel: "slack",
      audience,
      delivery: card,
      attempts: 0,
      createdAt: T0,
    }) satisfies OutboxItem;

  it("creates one incident channel and posts a card once when two deliveries of it run at once", async () => {
    const audience = { kind: "incident", incidentId } as const;
    const paging = { type: "card", card: { kind: "paging", incidentId } } as const;
    const refs = await Promise.all([
      delivery.deliver(item(1, paging, audience)),
      delivery.deliver(item(2, paging, audience)),
      delivery.deliver(item(3, { type: "card", card: { kind: "incident", incidentId } }, audience)),
    ]);
    expect(fake.callsOf("conversations.create")).toHaveLength(1);
    const channel = fake.channelNamed("ramp-2026-11-22-brand-in-het-administratief-centrum")!.id;
    expect(fake.callsOf("conversations.invite")).toHaveLength(1);
    const pagingPosts = fake
      .postsTo(channel)
      .filter((c) => String(c.body.text).startsWith("Oproeping"));
    expect(pagingPosts).toHaveLength(1);
    // Both deliveries of the paging card name the one message: posted once, then updated.
    expect(refs[0]).toBe(refs[1]);
    expect(fake.callsOf("chat.update", (b) => b.ts === refs[0])).toHaveLength(1);
  });

  it("falls back to a public incident channel when the app may not create private ones", async () => {
    fake.withoutScopes("groups:write");
    const client = new webApi.WebClient(BOT_TOKEN, { slackApiUrl: fake.apiUrl });
    const incident = await t.engine.views.incident(incidentId);
    const other = { ...incident, description: "Stroomuitval in de residentie" };
    const { id, problem } = await openIncidentChannel(
      client,
      t.engine.directory,
      other,
      createLogger("silent"),
    );
    const attempts = fake
      .callsOf("conversations.create", (b) => String(b.name).includes("stroomuitval"))
      .map((c) => c.body.is_private);
    expect(attempts).toEqual(["true", "false"]);
    const [refused] = fake.callsOf(
      "conversations.create",
      (b) => b.is_private === "true" && String(b.name).includes("stroomuitval"),
    );
    expect(refused!.answer).toMatchObject({
      error: "missing_scope",
      needed: "groups:write",
    });
    expect(fake.channelNamed("ramp-2026-11-22-stroomuitval-in-de-residentie")?.id).toBe(id);
    expect(problem?.nl).toBe(
      "Slack maakte geen privékanaal voor het incident (de app mist de toestemming groups:write; installeer de app opnieuw (Install App → Reinstall to Workspace) om ze te geven): het incidentkanaal #ramp-2026-11-22-stroomuitval-in-de-residentie is OPENBAAR: iedereen in de werkruimte kan het lezen.",
    );
    fake.scopes.add("groups:write");
  });

  it("opens one DM per person when two messages for them are delivered at once", async () => {
    const pages = await t.ctx.store.pages.listForIncident(incidentId);
    const page = pages.find((p) => p.personId === "sofie-vermeulen")!;
    const audience = { kind: "person", personId: "sofie-vermeulen" } as const;
    await Promise.all([
      delivery.deliver(
        item(4, { type: "card", card: { kind: "page", pageId: page.id } }, audience),
      ),
      delivery.deliver(
        item(
          5,
          { type: "notice", notice: { kind: "log", text: "Tweede bericht", incidentId } },
          audience,
        ),
      ),
    ]);
    expect(fake.callsOf("conversations.open", (b) => b.users === PAGED_AT_START[1])).toHaveLength(
      1,
    );
    expect(fake.postsTo(fake.dmOf(PAGED_AT_START[1]!))).toHaveLength(2);
  });

  it("gives up on a Web API call that never gets an answer, so the outbox can try again", async () => {
    const adapter = createSlackAdapter({
      config: { botToken: BOT_TOKEN, signingSecret: "x".repeat(32), apiUrl: fake.apiUrl },
      engine: t.engine,
      refs: new PrismaConversationRefs(db.client, () => randomUUID()),
      logger: createLogger("silent"),
      reviewLinks,
      apiTimeoutMs: 200,
    });
    const audience = { kind: "incident", incidentId } as const;
    const notice = (n: number) =>
      item(
        n,
        { type: "notice", notice: { kind: "log", text: `Bericht ${n}`, incidentId } },
        audience,
      );
    fake.fail("chat.postMessage", { hang: true });
    const failed = await adapter.delivery.deliver(notice(6)).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failed).toBeInstanceOf(DeliveryError);
    expect((failed as DeliveryError).options.permanent).toBeFalsy();
    expect(await adapter.delivery.deliver(notice(7))).toMatch(/^\d+\.\d+$/);
  });

  const review = (n: number) =>
    item(
      n,
      {
        type: "review",
        review: { incidentId, reason: "requested", requestedById: "pieter-declercq" },
      },
      { kind: "incident", incidentId },
    );

  it("uploads the review's Word document with the review around it, and returns the file id", async () => {
    const channel = fake.channelNamed("ramp-2026-11-22-brand-in-het-administratief-centrum")!.id;
    const ref = await delivery.deliver(review(8));
    const [file] = fake.uploadedFiles(channel);
    expect(ref).toBe(file!.id);
    expect(file!.filename).toBe("post-incident-review-2026-001.docx");
    expect(file!.bytes!.subarray(0, 2).toString()).toBe("PK");
    expect(fake.callsOf("files.getUploadURLExternal")[0]!.body.length).toBe(
      String(file!.bytes!.length),
    );
    // Blocks without an initial_comment, which would make Slack drop them.
    const complete = fake.callsOf("files.completeUploadExternal")[0]!.body;
    expect(complete.initial_comment).toBeUndefined();
    expect(JSON.stringify(file!.blocks)).toContain("op vraag van Pieter Declercq");
  });

  it("makes a rate-limited upload a retry after Slack's Retry-After, with nothing shared", async () => {
    const before = fake.uploadedFiles().length;
    fake.fail("files.completeUploadExternal", { status: 429, retryAfter: 7 });
    const failed = await delivery.deliver(review(9)).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failed).toBeInstanceOf(DeliveryError);
    expect((failed as DeliveryError).options.retryAfterMs).toBe(7000);
    expect(fake.uploadedFiles()).toHaveLength(before);
  });

  it("posts the review without the file, linking to it, when Slack refuses the upload", async () => {
    const channel = fake.channelNamed("ramp-2026-11-22-brand-in-het-administratief-centrum")!.id;
    const before = fake.uploadedFiles().length;
    // An installation from before Ramp asked for files:write.
    fake.fail("files.getUploadURLExternal", { error: "missing_scope" });
    const ref = await delivery.deliver(review(10));
    expect(fake.uploadedFiles()).toHaveLength(before);
    const posted = fake.messages.get(`${channel}/${ref}`)!;
    expect(posted.text).toContain("op vraag van Pieter Declercq");
    expect(JSON.stringify(posted.blocks)).toContain(
      `<https://ramp.example.be/review/${incidentId}.docx?sig=test|Word-document>`,
    );
  });
});
