// Could each crisis function be filled tonight? Per function its chain (holder, then the
// alternates in paging order; for the coordination the coordinator and the deputies), and per
// person whether Ramp can reach them (an address in the plan for a channel in use, else a
// number to call) and whether they answered the last reachability test. A function where
// nobody in the chain is reachable is what a real incident would hit.
import type { Person } from "../../../plan/schema.ts";
import type { PlanDirectory } from "../../directory.ts";
import type { TestResult } from "../../practice/result.ts";
import { channelName } from "../../practice/words.ts";
import { formatDateTime } from "../../time.ts";
import { amount } from "../plural.ts";
import {
  type ReadinessInput,
  type ReadinessLine,
  type ReadinessRow,
  type ReadinessSection,
  worst,
} from "./model.ts";

interface Chain {
  name: string;
  /** Person ids in the order a real incident turns to them. */
  people: string[];
  roleOf: (index: number) => string;
}

interface Reach {
  reachable: boolean;
  line: ReadinessLine;
}

function chains(dir: PlanDirectory, nl: boolean): Chain[] {
  const { coordination } = dir.plan;
  const leaders: Chain = {
    name: nl ? "Coördinator" : "Coordinator",
    people: dir.leaders,
    roleOf: (i) =>
      i === 0 ? (nl ? "coördinator" : "coordinator") : nl ? "plaatsvervanger" : "deputy",
  };
  const staff = coordination.crisisStaff.flatMap((id): Chain[] => {
    const fn = dir.fn(id);
    if (!fn) return [];
    return [
      {
        name: fn.name,
        people: [fn.holder, ...fn.alternates],
        roleOf: (i) =>
          i === 0 ? (nl ? "houder" : "holder") : `${nl ? "vervanger" : "alternate"} ${i}`,
      },
    ];
  });
  return [leaders, ...staff];
}

/** The channels in use on which the plan gives Ramp an address for the person. */
function rampChannels(channels: string[], person: Person | undefined): string[] {
  return channels.filter((channel) => {
    if (channel === "slack") return Boolean(person?.slackUserId);
    if (channel === "teams") return Boolean(person?.teamsUserId);
    if (channel === "sms") return Boolean(person?.mobile);
    // The local chat (local mode) reaches everyone in the plan.
    return channel === "web";
  });
}

function reach(
  input: ReadinessInput,
  personId: string,
  role: string,
  test: TestResult | null,
): Reach {
  const { ctx, nl, viewer } = input;
  const person = ctx.dir.person(personId);
  const via = rampChannels(ctx.channels, person);
  const phone = person?.mobile ?? person?.phone;
  const tested = test?.people.find((p) => p.personId === personId);
  const silent = tested !== undefined && tested.answeredAt === null;
  const parts: string[] = [];
  if (via.length > 0) parts.push(via.map((c) => channelName(c, nl)).join(", "));
  else if (phone)
    parts.push(
      nl ? "Ramp bereikt deze persoon niet: alleen bellen" : "Ramp cannot reach them: call only",
    );
  else
    parts.push(
      nl
        ? "geen chat-id en geen telefoonnummer in het plan"
        : "no chat id and no phone number in the plan",
    );
  if (test && tested)
    parts.push(
      tested.answeredAt
        ? `${nl ? "antwoordde op" : "answered"} ${test.test.number}`
        : `${nl ? "antwoordde niet op" : "did not answer"} ${test.test.number}`,
    );
  else if (test) parts.push(nl ? `niet in ${test.test.number}` : `not in ${test.test.number}`);
  const reachable = (via.length > 0 || Boolean(phone)) && !silent;
  const level = !reachable ? "problem" : via.length === 0 ? "attention" : "ok";
  return {
    reachable,
    line: {
      text: `${ctx.dir.name(personId)} (${role}): ${parts.join(" — ")}`,
      person: `${ctx.dir.name(personId)} (${role})`,
      level,
      ...(viewer.leader && phone ? { phone } : {}),
    },
  };
}

function row(input: ReadinessInput, chain: Chain, test: TestResult | null): ReadinessRow {
  const { ctx, nl } = input;
  const reached = chain.people.map((id, i) => ({ id, ...reach(input, id, chain.roleOf(i), test) }));
  const who = reached.filter((r) => r.reachable);
  // The holder answers first in a real incident: an alternate standing in is worth a look.
  const first = reached[0]?.line.level;
  const level = who.length === 0 ? "problem" : first === "ok" ? "ok" : "attention";
  return {
    label: chain.name,
    value:
      who.length === 0
        ? nl
          ? "niemand bereikbaar"
          : "nobody reachable"
        : who.map((r) => ctx.dir.name(r.id)).join(", "),
    level,
    lines: reached.map((r) => r.line),
  };
}

export async function functionsSection(input: ReadinessInput): Promise<ReadinessSection> {
  const { ctx, nl, sources } = input;
  const test = await sources.lastTest();
  // What nobody could fill comes first, then what needs a look; otherwise the plan's order.
  const rank = { problem: 0, attention: 1, ok: 2 } as const;
  const rows = chains(ctx.dir, nl)
    .map((c) => row(input, c, test))
    .sort((a, b) => rank[a.level] - rank[b.level]);
  const uncovered = rows.filter((r) => r.level === "problem");
  const attention = rows.filter((r) => r.level === "attention");
  const basis = test
    ? nl
      ? `het plan en bereikbaarheidstest ${test.test.number} van ${formatDateTime(test.test.startedAt, ctx.dir.locale, ctx.dir.timeZone)}`
      : `the plan and reachability test ${test.test.number} of ${formatDateTime(test.test.startedAt, ctx.dir.locale, ctx.dir.timeZone)}`
    : nl
      ? "het plan (nog geen bereikbaarheidstest)"
      : "the plan (no reachability test yet)";
  const summary =
    uncovered.length > 0
      ? nl
        ? `${amount(uncovered.length, "functie", "functies")} zonder bereikbare houder of vervanger: ${uncovered.map((r) => r.label).join(", ")}.`
        : `${amount(uncovered.length, "function", "functions")} with no reachable holder or alternate: ${uncovered.map((r) => r.label).join(", ")}.`
      : attention.length > 0
        ? nl
          ? `Elke functie heeft een bereikbare houder of vervanger; bij ${attention.length} is de houder zelf niet (via Ramp) bereikbaar.`
          : `Every function has a reachable holder or alternate; for ${attention.length} the holder is not reachable (through Ramp).`
        : nl
          ? "Elke functie heeft een bereikbare houder of vervanger."
          : "Every function has a reachable holder or alternate.";
  return {
    id: "functions",
    title: nl ? "Bereikbaarheid per functie" : "Reachability per function",
    level: worst(rows.map((r) => r.level)),
    summary,
    facts: [
      { label: nl ? "Op basis van" : "Based on", value: basis },
      {
        label: nl ? "Kanalen van Ramp" : "Ramp's channels",
        value: ctx.channels.map((c) => channelName(c, nl)).join(", ") || "—",
      },
    ],
    rows,
    columns: { label: nl ? "Functie" : "Function", value: nl ? "Bereikbaar" : "Reachable" },
  };
}
