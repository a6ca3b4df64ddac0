// `/ramp oefening …`: start an exercise (from a plan scenario or free), send an inject, stop it.
import type { Actor } from "../actor.ts";
import type { CrisisEngine } from "../engine.ts";
import { requireLeader } from "../run.ts";
import { declaredReply } from "./declared.ts";
import type { ChatCommand } from "./parse.ts";
import type { ChatReply } from "./reply.ts";

export async function exerciseReply(
  engine: CrisisEngine,
  actor: Actor,
  command: Extract<ChatCommand, { kind: "exercise" }>,
  prefix: string,
): Promise<ChatReply> {
  const nl = engine.directory.locale === "nl";
  switch (command.action) {
    case "list":
      requireLeader(engine.ctx, actor, { nl: "een oefening starten", en: "start an exercise" });
      return { kind: "text", text: scenarioList(engine, prefix) };
    case "start": {
      const incident = await engine.startExercise(actor, {
        ...(command.text ? { scenario: command.text } : {}),
      });
      return await declaredReply(engine, incident.id, prefix);
    }
    case "inject": {
      const exercise = await engine.sendInject(actor, command.text ?? "");
      return {
        kind: "text",
        text: nl
          ? `Inject verstuurd naar het kanaal van oefening ${exercise.number}; hij staat op de tijdlijn.`
          : `Inject sent to the channel of exercise ${exercise.number}; it is on the timeline.`,
      };
    }
    case "stop": {
      const exercise = await engine.stopExercise(actor, command.text);
      return {
        kind: "text",
        text: nl
          ? `Oefening ${exercise.number} is beëindigd. Het oefenverslag wordt gedeeld in het oefenkanaal en staat op het crisisbord.`
          : `Exercise ${exercise.number} has ended. The exercise report is being shared in the exercise channel and is on the crisis board.`,
      };
    }
  }
}

/** The plan's scenarios, each with the command that starts it. */
function scenarioList(engine: CrisisEngine, prefix: string): string {
  const { plan, locale } = engine.directory;
  const nl = locale === "nl";
  const lines = plan.scenarios.map(
    (s) =>
      `• ${prefix} oefening start ${s.id} — ${s.title} (${s.injects.length} ${s.injects.length === 1 ? "inject" : "injects"})`,
  );
  const free = nl
    ? `• ${prefix} oefening start <omschrijving> — een vrije oefening, zonder injects`
    : `• ${prefix} oefening start <description> — a free exercise, without injects`;
  const intro = nl
    ? "Een oefening doorloopt het hele plan (oproeping, beslissing, taken, review), overal gemarkeerd als OEFENING en apart genummerd. Kies:"
    : "An exercise runs the whole plan (paging, decision, tasks, review), marked EXERCISE everywhere and numbered apart. Choose:";
  return [intro, ...lines, free].join("\n");
}
