// An SMS provider's delivery receipt ("the phone got it") is stored once on the text's outbox
// message, whatever order receipts come in, and the review counts texts on the phone apart from
// texts the gateway only took; without receipts it claims nothing about the phone.
import { beforeEach, expect, it } from "vitest";
import type { Incident, OutboxItem } from "../../src/core/model.ts";
import type { DeliveryChannel } from "../../src/core/outbox.ts";
import { buildReview } from "../../src/core/review/build.ts";
import type { Database } from "../../src/store/database.ts";
import { tableOf } from "../review/helpers.ts";
import { describeEachDatabase } from "../support/databases.ts";
import { createTestEngine, START, type TestEngine } from "../support/engine.ts";
import { COORDINATOR, declare, MINUTE } from "./fixtures.ts";

/** Takes every message, as a gateway that answers 2xx. */
class TakingChannel implements DeliveryChannel {
  constructor(readonly name: string) {}
  async deliver(item: OutboxItem): Promise<string> {
    return `${this.name}-${item.id}`;
  }
}

describeEachDatabase("SMS delivery receipts", (target) => {
  let t: TestEngine;
  let db: Database;
  let incident: Incident;
  let texts: OutboxItem[];
  const handsetAt = async (id: string) =>
    (await db.client.outboxMessage.findUniqueOrThrow({ where: { id } })).handsetAt;
  const smsSentence = async () => {
    const review = JSON.stringify(await buildReview(t.engine, incident.id));
    return /Sms: [^"]*?staf\./.exec(review)?.[0];
  };
  const pageRow = async (personId: string) => {
    const review = await buildReview(t.engine, incident.id);
    const name = t.engine.directory.name(personId);
    const rows = tableOf(review, "communications").rows.filter(
      (row) => row[2] === "Oproep crisisstaf" && row[3] === name,
    );
    expect(rows).toHaveLength(1);
    return rows[0]!.at(-1);
  };

  beforeEach(async () => {
    const url = await target.createDatabase();
    db = await target.open({}, url);
    t = await createTestEngine(db, { channels: ["slack", "sms"] });
    incident = await declare(t, COORDINATOR);
    const channels = new Map<string, DeliveryChannel>([
      ["slack", new TakingChannel("slack")],
      ["sms", new TakingChannel("sms")],
    ]);
    await t.engine.dispatch(channels, "dispatcher");
    texts = (await t.ctx.store.outbox.listForIncident(incident.id)).filter(
      (m) => m.channel === "sms" && m.audience.kind === "person",
    );
    expect(texts.length).toBeGreaterThanOrEqual(3);
    expect(texts.every((m) => m.outcome?.status === "sent")).toBe(true);
  });

  it("keeps the first receipt's time: a repeated receipt changes nothing", async () => {
    const [text] = texts;
    const first = new Date(START.getTime() + 2 * MINUTE);
    expect(await t.engine.confirmSmsOnPhone(text!.id, first)).toBe(true);
    expect(await handsetAt(text!.id)).toEqual(first);
    expect(await t.engine.confirmSmsOnPhone(text!.id, new Date(first.getTime() + MINUTE))).toBe(
      false,
    );
    expect(await handsetAt(text!.id)).toEqual(first);
    // Read back through the port as the review reads it.
    const stored = (await t.ctx.store.outbox.listForIncident(incident.id)).find(
      (m) => m.id === text!.id,
    );
    expect(stored?.outcome).toMatchObject({ status: "sent", handsetAt: first });
  });

  it("records nothing for a message that is not a text, or not Ramp's", async () => {
    const slack = (await t.ctx.store.outbox.listForIncident(incident.id)).find(
      (m) => m.channel === "slack",
    )!;
    expect(await t.engine.confirmSmsOnPhone(slack.id, START)).toBe(false);
    expect(await handsetAt(slack.id)).toBeNull();
    expect(await t.engine.confirmSmsOnPhone("no-such-message", START)).toBe(false);
  });

  it("counts in the review the texts on the phone apart from those the gateway only took", async () => {
    t.ctx.smsReceipts = true;
    const [onPhone, onlyTaken] = texts;
    await t.engine.confirmSmsOnPhone(onPhone!.id, new Date(START.getTime() + MINUTE));
    const n = texts.length;
    expect(await smsSentence()).toBe(
      `Sms: ${n} berichten verstuurd, ${n} afgeleverd bij de sms-gateway (1 aangekomen op de gsm, bevestigd door de operator; ${n - 1} enkel aanvaard door de gateway), waarvan 0 antwoorden op sms'en van de staf.`,
    );
    const personOf = (m: OutboxItem) => (m.audience as { personId: string }).personId;
    expect(await pageRow(personOf(onPhone!))).toBe("ja (sms aangekomen op de gsm)");
    expect(await pageRow(personOf(onlyTaken!))).toBe("ja (sms enkel aanvaard door de gateway)");
  });

  it("keeps today's wording for a gateway without receipts", async () => {
    const n = texts.length;
    expect(await smsSentence()).toBe(
      `Sms: ${n} berichten verstuurd, ${n} afgeleverd bij de sms-gateway, waarvan 0 antwoorden op sms'en van de staf.`,
    );
    const personId = (texts[0]!.audience as { personId: string }).personId;
    expect(await pageRow(personId)).toBe("ja");
  });

  it("counts confirmed texts even when the provider in use now gives no receipts", async () => {
    // Drafted after switching to a gateway: the stored receipts still prove what arrived.
    await t.engine.confirmSmsOnPhone(texts[0]!.id, START);
    expect(await smsSentence()).toContain("(1 aangekomen op de gsm, bevestigd door de operator;");
  });
});
