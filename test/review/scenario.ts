// The scripted incident the review tests read: declared Saturday 21 November 2026 22:00 in
// Brussels (fake clock), one page declined and escalated to the alternate, decision B, six tasks
// done of which one after its deadline, two services restored, closed Sunday 10:30. Slack takes
// the messages as they come, except the decision five minutes late and, in an outage from
// 05:00, the second reminder to Bart, still being retried when the review is drafted.
import type { Incident, OutboxItem } from "../../src/core/model.ts";
import { type DeliveryChannel, DeliveryError } from "../../src/core/outbox.ts";
import { COORDINATOR, MINUTE, pageOf, taskOf, tickAt } from "../core/fixtures.ts";
import { START, type TestEngine } from "../support/engine.ts";

/** START plus minutes. */
export const min = (minutes: number): Date => new Date(START.getTime() + minutes * MINUTE);

export const DESCRIPTION = "Brand in het serverlokaal van het administratief centrum";

/** The second reminder to Bart, queued at 05:00 during a Slack outage. */
const inOutage = (item: OutboxItem) =>
  item.delivery.type === "notice" && item.createdAt.getTime() === min(420).getTime();

export async function scriptedIncident(t: TestEngine): Promise<Incident> {
  const as = (person: string, source: "slack" | "teams" | "web" = "slack") => t.as(person, source);
  const slack: DeliveryChannel = {
    name: "slack",
    async deliver(item) {
      if (inOutage(item)) throw new DeliveryError("Slack unreachable: 503");
      return "ok";
    },
  };
  const deliverAt = async (minute: number) => {
    t.clock.set(min(minute));
    await t.engine.dispatch(new Map([["slack", slack]]), "scenario");
  };
  t.clock.set(min(0));
  const incident = await t.engine.declare(as(COORDINATOR), {
    classification: "crisis",
    scope: "totaal",
    description: DESCRIPTION,
    officeHours: false,
    detectedAt: min(-20),
    reportedBy: "Brandweer Zonnebeke-Heide, telefonisch",
  });
  await deliverAt(0);
  // Johan answers from Teams, the DPO (no chat account) on the web page, the others in Slack.
  const reply = async (
    minute: number,
    functionId: string,
    person: string,
    response: "coming" | "declined",
    attempt = 0,
  ) => {
    t.clock.set(min(minute));
    const page = await pageOf(t, incident.id, functionId, attempt);
    const source = person === "johan-maes" ? "teams" : person === "wouter-hoste" ? "web" : "slack";
    await t.engine.answerPage(as(person, source), page.id, response);
  };
  await reply(3, "financieel-directeur", "johan-maes", "coming");
  await reply(4, "voorzitter", "marleen-vandamme", "coming");
  await reply(5, "deskundige-ict", "bart-lannoo", "declined"); // Kevin Dumon is paged
  await deliverAt(5);
  await reply(6, "adjunct-algemeen-directeur", "sofie-vermeulen", "coming");
  await reply(7, "adjunct-financieel-directeur", "katrien-dewilde", "coming");
  await reply(8, "deskundige-ict", "kevin-dumon", "coming", 1);
  await reply(10, "diensthoofd-sociale-dienst", "els-verhaeghe", "coming");
  await reply(12, "stafmedewerker", "lien-coussens", "coming");
  await reply(14, "dpo", "wouter-hoste", "coming");

  t.clock.set(min(30));
  await t.engine.recordEvaluation(
    as(COORDINATOR),
    incident.id,
    "Brand beperkt tot het serverlokaal; de rest van het gebouw is bruikbaar.",
  );
  t.clock.set(min(45));
  await t.engine.decide(as(COORDINATOR), incident.id, {
    situation: "B",
    reason: "Gebouw bruikbaar buiten het serverlokaal",
  });

  const task = (planTaskId: string) => taskOf(t, incident.id, planTaskId);
  const act = async (
    minute: number,
    person: string,
    planTaskId: string,
    action: "claim" | "complete",
  ) => {
    t.clock.set(min(minute));
    await t.engine.task(as(person), (await task(planTaskId)).id, action);
  };
  await deliverAt(50); // the decision, five minutes late
  await act(50, "hanne-desmet", "b-org-externe-communicatie", "claim");
  await act(60, "bart-lannoo", "b-tech-internet-telefonie", "claim");
  await act(60, "kevin-dumon", "b-tech-ict-middelen", "claim");
  await act(60, "tom-vanacker", "b-org-personeel-informeren", "claim");
  await act(70, "dirk-vandenbroucke", "b-org-maaltijden", "claim");
  t.clock.set(min(90));
  await t.engine.log(
    as("hanne-desmet"),
    incident.id,
    "Bericht op de website en Facebook: dienstverlening beperkt tot maandag",
    ["externe-communicatie"],
  );
  await act(95, "hanne-desmet", "b-org-externe-communicatie", "complete");
  await act(120, "kevin-dumon", "b-tech-backups", "claim");
  await act(180, "tom-vanacker", "b-org-personeel-informeren", "complete");
  await tickAt(t, min(240)); // reminder to Bart: internet and telephony due at 06:00
  await deliverAt(240);
  await act(300, "kevin-dumon", "b-tech-backups", "complete");
  await act(360, "kevin-dumon", "b-tech-ict-middelen", "complete");
  await tickAt(t, min(420)); // second reminder to Bart
  await deliverAt(420);
  await tickAt(t, min(480)); // Bart's deadline passes; reminders for the meals and their service
  await deliverAt(480);
  await act(540, "bart-lannoo", "b-tech-internet-telefonie", "complete"); // one hour late
  t.clock.set(min(570));
  await t.engine.log(
    as("bart-lannoo"),
    incident.id,
    "Kortsluiting in de UPS van het serverlokaal",
    ["oorzaak"],
  );
  await act(600, "dirk-vandenbroucke", "b-org-maaltijden", "complete"); // restores dienstverlening
  t.clock.set(min(615));
  await t.engine.log(
    as(COORDINATOR),
    incident.id,
    "UPS jaarlijks laten nakijken en een tweede UPS voorzien",
    ["verbetering"],
  );
  t.clock.set(min(660));
  await t.engine.log(
    as("johan-maes"),
    incident.id,
    "Schadedossier geopend bij Heidelandse Verzekeringen (polis BR-2018-55321)",
    ["schadeclaim"],
  );
  t.clock.set(min(720));
  await t.engine.restoreService(as(COORDINATOR), incident.id, "administratie");
  t.clock.set(min(750));
  const closed = await t.engine.close(as(COORDINATOR), incident.id, "Diensten grotendeels hervat");
  await deliverAt(750);
  return closed.incident;
}
