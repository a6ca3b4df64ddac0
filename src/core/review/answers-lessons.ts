// The sections after the response: cause, prevention, the response against the RTOs, the
// management's reaction, staff preparedness, improvements, damage claims and the rest.
// Cause, prevention, improvements and claims come from what the team logged with a tag; the
// judgements (management, preparedness) are left to the team with the figures beside them.
import { type Analysis, UNCLAIMED_TOO_LONG_MS } from "./analysis.ts";
import {
  type Answerer,
  afterDeclaration,
  count,
  fromNotes,
  noteFacts,
  open,
  seqOf,
} from "./draft.ts";
import { joinList } from "./format.ts";
import type { ReviewFact } from "./model.ts";
import {
  earlierRestorations,
  type RtoVerdict,
  rtoVerdict,
  type ServiceResult,
} from "./work-outcomes.ts";

const VERDICTS: RtoVerdict[] = ["none", "some", "all"];

export const LESSONS_ANSWERS: Record<string, Answerer> = {
  "oorzaak-vastgesteld": (a) => fromNotes(a, a.notes.tagged("oorzaak"), "oorzaak"),
  "herhaling-vermijden": (a) => fromNotes(a, a.notes.tagged("preventie"), "preventie"),
  "sneller-oplossen": (a) => fromNotes(a, a.notes.tagged("verbetering"), "verbetering"),
  schadeclaims: (a) => fromNotes(a, a.notes.tagged("schadeclaim"), "schadeclaim"),

  "hersteltijd-rto": (a, question) => {
    if (a.services.length === 0) {
      return open(
        a.say(
          "Er werd geen beslissing genomen, dus geen prioritaire diensten met een RTO opgevolgd.",
          "No decision was taken, so no priority services with an RTO were followed.",
        ),
      );
    }
    const verdict = rtoVerdict(a.services);
    const tally = (result: ServiceResult) => a.services.filter((s) => s.result === result).length;
    const text = [rtoTally(a)];
    const facts = earlierFacts(a);
    const options = question.options ?? [];
    if (tally("pending") > 0) {
      // No box ticked while RTOs are still running: the verdict would change.
      return {
        status: "partial",
        chosenOption: null,
        text,
        facts,
        tables: ["services"],
        note: a.say(
          "Voorlopig: het incident loopt nog.",
          "Provisional: the incident is still active.",
        ),
      };
    }
    if (!verdict) {
      return {
        status: "partial",
        chosenOption: null,
        text,
        facts,
        tables: ["services"],
        note: a.say(
          "Ramp kiest geen antwoord: een dienst die bij de afsluiting niet hersteld gemeld was terwijl haar RTO nog liep, haalde de RTO niet en miste ze ook niet. Het team oordeelt.",
          "Ramp picks no answer: a service not marked restored at closing while its RTO was still running neither met nor missed it. The team judges.",
        ),
      };
    }
    const index = VERDICTS.indexOf(verdict);
    const verdictText = options.length === 3 ? options[index]! : verdictWords(a, verdict);
    text.push(
      a.say(
        `Het incident werd binnen de vooropgestelde tijd opgelost: ${verdictText.toLowerCase()}.`,
        `The incident was resolved within the set time: ${verdictText.toLowerCase()}.`,
      ),
    );
    return {
      status: "answered",
      chosenOption: options.length === 3 ? index : null,
      text,
      facts,
      tables: ["services"],
    };
  },

  "reactie-management": (a) => {
    const { incident } = a.data;
    const facts: ReviewFact[] = [];
    if (incident.detectedAt) {
      facts.push({
        label: a.say("Van vaststelling tot melding", "From detection to declaration"),
        value: a.span(incident.declaredAt.getTime() - incident.detectedAt.getTime()),
      });
    }
    const evaluation = a.index.evaluations[0];
    if (evaluation) {
      facts.push({
        label: a.say("Eerste evaluatie", "First evaluation"),
        value: `${a.when(evaluation.at)} (${afterDeclaration(a, evaluation.at)})`,
        seq: evaluation.seq,
      });
    }
    for (const d of a.data.decisions) {
      facts.push({
        label: a.say(
          `Beslissing ${d.seq}: situatie ${d.situation}`,
          `Decision ${d.seq}: situation ${d.situation}`,
        ),
        value: `${a.when(d.decidedAt)} (${afterDeclaration(a, d.decidedAt)}) — ${a.dir.name(d.decidedById)}`,
        ...(a.index.decisions.get(d.id) ? { seq: a.index.decisions.get(d.id)!.seq } : {}),
      });
    }
    const byHand = a.services.filter((s) => s.service.restoredBy === "coordinator").length;
    if (byHand > 0) {
      facts.push({
        label: a.say(
          "Diensten hersteld gemeld door de coördinatie",
          "Services marked restored by the coordination",
        ),
        value: String(byHand),
      });
    }
    return {
      status: "partial",
      text: [],
      facts,
      note: a.say("De keuze is aan het team.", "The choice is the team's."),
    };
  },

  "paraatheid-personeel": (a) => {
    const text: string[] = [];
    const facts: ReviewFact[] = a.paging.map((fn) => ({
      label: fn.name,
      value: acknowledgement(a, fn),
    }));
    const declines = a.paging.flatMap((fn) =>
      fn.pages.filter((p) => p.declined).map((p) => `${a.dir.name(p.page.personId)} (${fn.name})`),
    );
    text.push(
      declines.length === 0
        ? a.say("Niemand zei af.", "Nobody declined.")
        : a.say(
            `${count(declines.length, "keer", "keer")} kon iemand niet komen: ${joinList(declines, a.locale)}.`,
            `${declines.length === 1 ? "Once" : `${declines.length} times`} someone could not come: ${joinList(declines, a.locale)}.`,
          ),
    );
    const escalations = a.paging.flatMap((fn) =>
      fn.pages
        .filter((p) => p.page.escalatedFrom)
        .map((p) => {
          const from = fn.pages.find((o) => o.page.id === p.page.escalatedFrom);
          const why = from?.declined
            ? a.say(
                `na "ik kan niet" van ${a.dir.name(from.page.personId)}`,
                `after "I can't come" from ${a.dir.name(from.page.personId)}`,
              )
            : a.say(
                `na geen antwoord van ${a.dir.name(from?.page.personId)}`,
                `after no answer from ${a.dir.name(from?.page.personId)}`,
              );
          return a.say(
            `${a.dir.name(p.page.personId)} voor ${fn.name} (${why})`,
            `${a.dir.name(p.page.personId)} for ${fn.name} (${why})`,
          );
        }),
    );
    text.push(
      escalations.length === 0
        ? a.say("Er moest geen vervanger opgeroepen worden.", "No alternate had to be paged.")
        : a.say(
            `${count(escalations.length, "vervanger", "vervangers")} opgeroepen: ${joinList(escalations, a.locale)}.`,
            `${count(escalations.length, "alternate", "alternates")} paged: ${joinList(escalations, a.locale)}.`,
          ),
    );
    const unclaimed = a.tasks.filter(
      (t) => t.unclaimedMs !== null && t.unclaimedMs > UNCLAIMED_TOO_LONG_MS,
    );
    const never = unclaimed.filter((t) => t.takenAt === null);
    const late = unclaimed.filter((t) => t.takenAt !== null);
    if (late.length > 0) {
      text.push(
        a.say(
          `Langer dan ${a.span(UNCLAIMED_TOO_LONG_MS)} zonder eigenaar: ${late.map((t) => `${t.task.title} (${a.span(t.unclaimedMs!)})`).join("; ")}.`,
          `Without an owner for more than ${a.span(UNCLAIMED_TOO_LONG_MS)}: ${late.map((t) => `${t.task.title} (${a.span(t.unclaimedMs!)})`).join("; ")}.`,
        ),
      );
    }
    if (never.length > 0) {
      text.push(
        a.say(
          `Nooit opgenomen: ${count(never.length, "taak", "taken")} (${never.map((t) => t.task.title).join("; ")}).`,
          `Never taken up: ${count(never.length, "task", "tasks")} (${never.map((t) => t.task.title).join("; ")}).`,
        ),
      );
    }
    return {
      status: "partial",
      text,
      facts,
      tables: ["paging"],
      note: a.say("De keuze is aan het team.", "The choice is the team's."),
    };
  },

  varia: (a) =>
    a.notes.untagged.length === 0
      ? open()
      : {
          status: "partial",
          text: [a.say("Logboekregels zonder tag:", "Log entries without a tag:")],
          facts: noteFacts(a, a.notes.untagged),
        },
};

/** Time from the function's first page to the first "ik kom", and by whom. */
function acknowledgement(a: Analysis, fn: Analysis["paging"][number]): string {
  if (!fn.coming) {
    return fn.exhausted
      ? a.say("niemand bereikbaar", "nobody reachable")
      : a.say("niemand bevestigde", "nobody confirmed");
  }
  const ms = fn.coming.at.getTime() - fn.firstSentAt.getTime();
  const who = fn.pages.find((p) => p.page.personId === fn.coming!.personId);
  const role = who?.comingAtOnce
    ? who.declarer
      ? a.say("melder", "declarer")
      : a.say("kwam al voor een andere functie", "already coming for another function")
    : who && who.page.attempt > 0
      ? a.say(`vervanger ${who.page.attempt}`, `alternate ${who.page.attempt}`)
      : a.say("titularis", "holder");
  return `${a.span(ms)} (${a.dir.name(fn.coming.personId)}, ${role})`;
}

function verdictWords(a: Analysis, verdict: RtoVerdict): string {
  switch (verdict) {
    case "none":
      return a.say("Voor geen van de activiteiten", "For none of the activities");
    case "some":
      return a.say("Slechts voor enkele activiteiten", "For some of the activities only");
    case "all":
      return a.say("Voor alle activiteiten", "For all activities");
  }
}

/** Each of the four outcomes the services had, in the order the RTO judges them. */
function rtoTally(a: Analysis): string {
  const n = a.services.length;
  const tally = (result: ServiceResult) => a.services.filter((s) => s.result === result).length;
  const ahead = tally("not-restored") + tally("pending");
  const parts: [number, string, string][] = [
    [tally("met"), "binnen de RTO hersteld", "restored within the RTO"],
    [tally("late"), "na de RTO hersteld", "restored after the RTO"],
    [
      tally("overdue"),
      "niet hersteld na het verstrijken van de RTO",
      "not restored when the RTO ran out",
    ],
    [
      ahead,
      a.data.incident.status === "closed"
        ? "niet hersteld gemeld bij de afsluiting, met de RTO nog niet verstreken"
        : "nog niet hersteld, met de RTO nog niet verstreken",
      a.data.incident.status === "closed"
        ? "not marked restored at closing, with the RTO not yet reached"
        : "not restored yet, with the RTO not yet reached",
    ],
  ];
  const listed = parts.filter(([k], i) => k > 0 || i === 0);
  return a.say(
    `Van de ${n} prioritaire diensten: ${joinList(
      listed.map(([k, nl]) => `${k} ${nl}`),
      "nl",
    )}.`,
    `Of the ${n} priority services: ${joinList(
      listed.map(([k, , en]) => `${k} ${en}`),
      "en",
    )}.`,
  );
}

/** Restorations under an earlier decision: the timeline shows them, so the answer does too. */
function earlierFacts(a: Analysis): ReviewFact[] {
  return earlierRestorations(a.dir, a.data.incident, a.data.services).map((r) => ({
    label: a.say(
      `Hersteld onder situatie ${r.service.situation} (vóór de gewijzigde beslissing)`,
      `Restored under situation ${r.service.situation} (before the changed decision)`,
    ),
    value: `${r.name}: ${a.when(r.service.restoredAt!)} (${
      r.withinRto ? a.say("binnen de RTO", "within the RTO") : a.say("na de RTO", "after the RTO")
    })`,
    ...seqOf(a.index.restored.get(`${r.service.situation}:${r.service.serviceId}`)),
  }));
}
