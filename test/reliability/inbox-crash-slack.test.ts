// Ramp killed (SIGKILL, at a failpoint) right after Slack got its 200 for a click or a slash
// command, and restarted on the same database: every acknowledged interaction is in the state,
// once; one killed right after its state change committed is not run again.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../support/databases.ts";
import { FakeSlack, type SlackMessage } from "../support/fake-slack.ts";
import { RampProcess } from "../support/ramp-process.ts";
import { blockAction, buttonsOf, findButton, slashCommand } from "../support/slack-requests.ts";
import {
  countStopped,
  exited,
  queryStopped,
  restartWith,
  sendSlack,
  slackEnv,
} from "./crash-support.ts";

const U = {
  pieter: "U04PD3X8L2C", // coordinator
  marleen: "U04MV7K2Q1B", // voorzitter
  els: "U04EV6P9Z2G",
} as const;

describeEachDatabase("Slack: an acknowledged interaction survives a crash", (target) => {
  let fake: FakeSlack;
  let ramp: RampProcess;
  let channel: string;

  const command = async (userId: string, text: string) => {
    const responseUrl = fake.responseUrl();
    const response = await sendSlack(ramp, slashCommand({ userId, text, responseUrl }));
    await response.arrayBuffer();
    return { status: response.status, responseUrl };
  };
  const click = async (userId: string, message: SlackMessage, label: string) => {
    const responseUrl = fake.responseUrl();
    const request = blockAction({
      userId,
      message,
      button: findButton(message, label),
      responseUrl,
    });
    const response = await sendSlack(ramp, request);
    await response.arrayBuffer();
    return response.status;
  };
  /** Kills at the failpoint after the interaction `act` sends was acknowledged; restarts. */
  const crashAfter = async (failpoint: string, act: () => Promise<number>) => {
    await stop();
    seen = ramp.logs.length;
    await restartWith(ramp, `${failpoint}:exit`);
    expect(await act()).toBe(200);
    await exited(ramp);
    expect(ramp.logs.some((l) => l.msg === "failpoint: exit" && l.failpoint === failpoint)).toBe(
      true,
    );
    await restartWith(ramp, null);
  };
  /**
   * A clean stop (SIGTERM) between the crashes: the deliberate crash is the failpoint's; a SIGKILL
   * here too could leave deliveries leased, which is the outbox's concern, not the inbox's.
   */
  const stop = () => ramp.kill("SIGTERM");
  let seen = 0;
  /** The recovery of the interaction left unprocessed, in the run after the crash. */
  const recovered = () =>
    ramp.logs.slice(seen).some((l) => l.msg === "inbox: recovered")
      ? Promise.resolve()
      : ramp.waitForLog((l) => l.msg === "inbox: recovered", { timeoutMs: 30_000 });
  const pending = () =>
    countStopped(ramp, `SELECT count(*) FROM "InboxItem" WHERE status <> 'done'`);

  beforeAll(async () => {
    fake = await FakeSlack.start();
    ramp = await RampProcess.start(slackEnv(target.url, fake));
    expect(
      (await command(U.pieter, "start groot Brand in het administratief centrum")).status,
    ).toBe(200);
    channel = await fake.waitFor("the incident channel", () => {
      const created = fake.calls.find((c) => c.method === "conversations.create" && c.answer.ok);
      return (created?.answer.channel as { id?: string } | undefined)?.id;
    });
    await fake.waitFor("Marleen's page", () => pageOf(U.marleen));
    await command(U.pieter, "evaluatie Serverlokaal uitgebrand");
    await command(U.pieter, "beslissing B");
    await fake.waitFor("a task card", () => taskCard());
  }, 120_000);

  afterAll(async () => {
    await ramp?.kill();
    await fake?.close();
  });

  /** The page in a person's DM (their copy of the plan may have arrived there first). */
  const pageOf = (user: string) =>
    fake
      .messagesIn(fake.dmOf(user))
      .find((m) => buttonsOf(m.blocks).some((b) => b.text === "Ik kom"));
  const taskCard = () =>
    fake.messagesIn(channel).find((m) => buttonsOf(m.blocks).some((b) => b.text === "Opnemen"));

  it("answers the page after a crash right after Slack got the 200 for Ik kom", async () => {
    const page = pageOf(U.marleen)!;
    await crashAfter("after-inbox-ack", () => click(U.marleen, page, "Ik kom"));
    await recovered();
    await fake.waitFor(
      "Marleen's page showing her answer",
      () =>
        JSON.stringify(fake.messages.get(`${page.channel}/${page.ts}`)!.blocks).includes("Komt"),
      70_000,
    );
    await stop();
    const answered = await queryStopped(
      ramp,
      `SELECT p.status FROM "Page" p JOIN "TimelineEntry" t ON t."incidentId" = p."incidentId"
       WHERE p."personId" = 'marleen-vandamme' AND t.type = 'page.answered'`,
    );
    expect(answered.map((r) => r.status)).toEqual(["coming"]);
    expect(await pending()).toBe(0);
  }, 240_000);

  it("claims the task after a crash right after Slack got the 200 for Opnemen", async () => {
    const card = taskCard()!;
    await crashAfter("after-inbox-ack", () => click(U.els, card, "Opnemen"));
    await recovered();
    await fake.waitFor(
      "the card claimed",
      () => fake.messages.get(`${card.channel}/${card.ts}`)!.text.endsWith("— Opgenomen"),
      70_000,
    );
    await stop();
    expect(
      await countStopped(ramp, `SELECT count(*) FROM "TimelineEntry" WHERE type = 'task.claimed'`),
    ).toBe(1);
    expect(await pending()).toBe(0);
  }, 240_000);

  it("logs a slash command after a crash right after its 200, and still answers it", async () => {
    let responseUrl = "";
    await crashAfter("after-inbox-ack", async () => {
      const sent = await command(U.pieter, "log Brandweer ter plaatse");
      responseUrl = sent.responseUrl;
      return sent.status;
    });
    const reply = await fake.waitFor(
      "the answer through the response_url",
      () => fake.responsesTo(responseUrl)[0],
      30_000,
    );
    expect(reply.text).toBe("In het logboek gezet.");
    await stop();
    expect(
      await countStopped(
        ramp,
        `SELECT count(*) FROM "TimelineEntry" WHERE type = 'log' AND data LIKE $1`,
        ["%Brandweer ter plaatse%"],
      ),
    ).toBe(1);
    expect(await pending()).toBe(0);
  }, 240_000);

  it("does not run a command again after a crash right after its change committed", async () => {
    await crashAfter(
      "after-inbox-commit",
      async () => (await command(U.pieter, "log Pers ingelicht")).status,
    );
    // Another interaction after the restart goes through: the process is up and recovering.
    const later = await command(U.pieter, "log Na de herstart");
    await fake.waitFor("the later answer", () => fake.responsesTo(later.responseUrl)[0]);
    await stop();
    const logged = (text: string) =>
      countStopped(
        ramp,
        `SELECT count(*) FROM "TimelineEntry" WHERE type = 'log' AND data LIKE $1`,
        [`%${text}%`],
      );
    expect(await logged("Pers ingelicht")).toBe(1);
    expect(await logged("Na de herstart")).toBe(1);
    expect(await pending()).toBe(0);
  }, 240_000);
});
