// `/ramp test` and `/ramp test stop`: the reply to whoever started or closed a reachability test.
import type { Actor } from "../actor.ts";
import type { CrisisEngine } from "../engine.ts";
import { formatTime } from "../time.ts";
import type { ChatReply } from "./reply.ts";

export async function testReply(
  engine: CrisisEngine,
  actor: Actor,
  stop: boolean,
): Promise<ChatReply> {
  const { directory: dir } = engine;
  const nl = dir.locale === "nl";
  if (stop) {
    const test = await engine.stopTest(actor);
    return {
      kind: "text",
      text: nl
        ? `Bereikbaarheidstest ${test.number} afgesloten. Het resultaat komt naar u en de plaatsvervangers, en staat op het crisisbord.`
        : `Reachability test ${test.number} closed. The result goes to you and the deputies, and is on the crisis board.`,
    };
  }
  const test = await engine.startTest(actor);
  const people = (await engine.ctx.store.reachability.recipients(test.id)).length;
  const until = formatTime(test.closesAt, dir.locale, dir.timeZone);
  return {
    kind: "text",
    text: nl
      ? `Bereikbaarheidstest ${test.number} gestart: ${people} mensen krijgen "TEST — er is geen incident" op elk kanaal dat Ramp voor hen heeft, en antwoorden met "Ontvangen". Om ${until} sluit de test en krijgt u het resultaat; vroeger afsluiten kan met /ramp test stop.`
      : `Reachability test ${test.number} started: ${people} people get "TEST — there is no incident" on every channel Ramp has for them, and answer "Received". At ${until} the test closes and you get the result; close it earlier with /ramp test stop.`,
  };
}
