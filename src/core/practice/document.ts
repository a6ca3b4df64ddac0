// A reachability test's result as the project's one document model (core/review/model.ts), so
// the review's renderers make its Word, Markdown and HTML: functions nobody answered for first,
// then who answered, every channel's delivery, and the comparison with earlier tests.
import type { EngineContext } from "../context.ts";
import type { Review, ReviewTable } from "../review/model.ts";
import { formatDateTime, formatDuration } from "../time.ts";
import { ratePercent, type TestResult } from "./result.ts";
import { channelName, reasonText, roleText } from "./words.ts";

export interface TrendPoint {
  number: string;
  startedAt: Date;
  answered: number;
  total: number;
  medianMs: number | null;
  uncovered: number;
}

export function testDocument(
  ctx: EngineContext,
  result: TestResult,
  trend: TrendPoint[],
  now: Date,
): Review {
  const { dir } = ctx;
  const nl = dir.locale === "nl";
  const say = (a: string, b: string) => (nl ? a : b);
  const when = (d: Date) => formatDateTime(d, dir.locale, dir.timeZone);
  const span = (ms: number | null) => (ms === null ? "—" : formatDuration(ms, dir.locale));
  const { test } = result;
  const names = (ids: string[]) => ids.map((id) => dir.name(id)).join(", ") || "—";
  const table = (
    id: ReviewTable["id"],
    title: string,
    columns: string[],
    rows: string[][],
    empty: string,
  ): ReviewTable => ({ id, title, columns, rows, empty });

  const functions = table(
    "reachability-functions",
    say("Crisisfuncties", "Crisis functions"),
    [
      say("Functie", "Function"),
      say("Titularis en vervangers", "Holder and alternates"),
      say("Antwoordden", "Answered"),
      say("Bereikbaar", "Reachable"),
    ],
    [...result.functions]
      .sort((a, b) => Number(a.reached.length > 0) - Number(b.reached.length > 0))
      .map((f) => [
        dir.functionName(f.functionId),
        names(f.chain),
        names(f.reached),
        f.reached.length > 0 ? say("ja", "yes") : say("NEEN", "NO"),
      ]),
    say("Het plan heeft geen crisisstaf.", "The plan has no crisis staff."),
  );
  const people = table(
    "reachability-people",
    say("Wie antwoordde", "Who answered"),
    [
      say("Persoon", "Person"),
      say("Rol", "Role"),
      say("Antwoord", "Answer"),
      say("Via", "Through"),
    ],
    result.people.map((p) => [
      dir.name(p.personId),
      p.roles.map((r) => roleText(dir, r, nl)).join(", "),
      p.answeredAt ? span(p.answerMs) : say("geen antwoord", "no answer"),
      p.answerSource ? channelName(p.answerSource, nl) : "—",
    ]),
    say("Niemand kreeg een testbericht.", "Nobody got a test message."),
  );
  const channels = table(
    "reachability-channels",
    say("Berichten per kanaal", "Messages per channel"),
    [
      say("Persoon", "Person"),
      say("Kanaal", "Channel"),
      say("Afgeleverd", "Delivered"),
      say("Waarom niet", "Why not"),
    ],
    result.people.flatMap((p) =>
      p.channels.map((c) => [
        dir.name(p.personId),
        channelName(c.channel, nl),
        c.delivered ? say("ja", "yes") : say("neen", "no"),
        c.delivered
          ? ""
          : `${reasonText(c.reason ?? "pending", nl)}${c.reason === "platform-error" && c.detail ? ` (${c.detail})` : ""}`,
      ]),
    ),
    say("Geen kanalen in gebruik.", "No channels in use."),
  );
  const answers = table(
    "reachability-answers",
    say("Antwoorden in volgorde", "Answers in order"),
    [say("Tijd", "Time"), say("Persoon", "Person"), say("Via", "Through")],
    result.people
      .filter((p) => p.answeredAt)
      .sort((a, b) => a.answeredAt!.getTime() - b.answeredAt!.getTime())
      .map((p) => [
        when(p.answeredAt!),
        dir.name(p.personId),
        channelName(p.answerSource ?? "web", nl),
      ]),
    say("Niemand antwoordde.", "Nobody answered."),
  );
  const trendTable = table(
    "reachability-trend",
    say("Vergelijking met vorige tests", "Compared with earlier tests"),
    [
      say("Test", "Test"),
      say("Datum", "Date"),
      say("Antwoordden", "Answered"),
      say("Mediaan", "Median"),
      say("Functies zonder iemand", "Functions with nobody"),
    ],
    trend.map((t) => [
      t.number,
      when(t.startedAt),
      `${t.answered}/${t.total} (${ratePercent(t)} %)`,
      span(t.medianMs),
      String(t.uncovered),
    ]),
    say("Dit is de eerste test.", "This is the first test."),
  );
  const uncovered = result.uncovered.map((f) => dir.functionName(f.functionId));
  const closed = test.closedAt ? when(test.closedAt) : say("nog open", "still open");
  return {
    locale: dir.locale,
    timeZone: dir.timeZone,
    title: say(`Bereikbaarheidstest ${test.number}`, `Reachability test ${test.number}`),
    subtitle: `${dir.plan.organisation.name} — ${when(test.startedAt)} – ${closed}`,
    organisation: dir.plan.organisation.name,
    incident: {
      id: test.id,
      number: test.number,
      description: say("Bereikbaarheidstest (geen incident)", "Reachability test (no incident)"),
      status: test.status === "open" ? "active" : "closed",
    },
    generatedAt: when(now),
    intro: [
      say(
        "TEST — er was geen incident. Iedereen die het plan kan oproepen (coördinator, plaatsvervangers, titularissen en vervangers van de crisisstaf) kreeg een testbericht op elk kanaal dat Ramp voor hen heeft, met één antwoord: Ontvangen.",
        "TEST — there was no incident. Everyone the plan may page (coordinator, deputies, holders and alternates of the crisis staff) got a test message on every channel Ramp has for them, with one answer: Received.",
      ),
    ],
    summary: [
      {
        label: say("Antwoordden", "Answered"),
        value: `${result.answered} / ${result.total} (${ratePercent(result)} %)`,
      },
      {
        label: say("Mediaan tijd tot antwoord", "Median time to answer"),
        value: span(result.medianMs),
      },
      {
        label: say(
          "Functies zonder bereikbare titularis of vervanger",
          "Functions with no reachable holder or alternate",
        ),
        value: uncovered.join(", ") || say("geen", "none"),
      },
      {
        label: say("Gestart door", "Started by"),
        value: test.startedById
          ? dir.name(test.startedById)
          : say("het schema van het plan", "the plan's schedule"),
      },
    ],
    sections: [
      {
        id: "functions",
        title: say("Wat een echt incident zou raken", "What a real incident would hit"),
        answers: [
          {
            questionId: "uncovered",
            question: say(
              "Welke crisisfuncties hadden niemand die antwoordde, titularis noch vervanger?",
              "Which crisis functions had nobody who answered, holder nor alternate?",
            ),
            options: [],
            chosenOption: null,
            status: "answered",
            text: [
              uncovered.length === 0
                ? say(
                    "Elke crisisfunctie had minstens één persoon die antwoordde.",
                    "Every crisis function had at least one person who answered.",
                  )
                : say(
                    `Bij een echte oproep was niemand bereikt voor: ${uncovered.join(", ")}.`,
                    `A real page would have reached nobody for: ${uncovered.join(", ")}.`,
                  ),
            ],
            facts: [],
            note: null,
          },
          {
            questionId: "actions",
            question: say("Wat passen we aan?", "What do we change?"),
            options: [],
            chosenOption: null,
            status: "open",
            text: [],
            facts: [],
            note: say(
              "Vul ontbrekende Slack-ids, Teams-identiteiten en gsm-nummers aan in het plan, vraag wie Ramp niet installeerde dat te doen, en spreek vervangers af voor de functies hierboven.",
              "Fill in missing Slack ids, Teams identities and mobile numbers in the plan, ask whoever did not install Ramp to do so, and agree on alternates for the functions above.",
            ),
          },
        ],
        tables: [functions],
      },
      {
        id: "people",
        title: say(
          "Wie antwoordde, hoe snel en via welk kanaal",
          "Who answered, how fast and through which channel",
        ),
        answers: [],
        tables: [people, channels],
      },
    ],
    overviews: [],
    decisions: { title: trendTable.title, table: trendTable },
    appendix: {
      title: say("Verantwoording", "Accountability"),
      verification: {
        ok: true,
        text: say(
          "Opgemaakt uit de opgeslagen testberichten (de outbox, elk bericht één keer verstuurd) en de opgeslagen antwoorden.",
          "Made from the stored test messages (the outbox, each message sent once) and the stored answers.",
        ),
      },
      timeline: answers,
    },
    chrome: {
      statusLabel: {
        answered: say("Ingevuld door Ramp", "Filled in by Ramp"),
        partial: say("Aan te vullen door het team", "To be completed by the team"),
        open: say("Open — in te vullen door het team", "Open — to be completed by the team"),
      },
      source: say("test", "test"),
      chosen: say("volgt uit de gegevens", "follows from the data"),
      summaryTitle: say("Kerncijfers", "Key figures"),
      overviewsTitle: say("Overzichten", "Overviews"),
      pageFooter: say("Pagina", "Page"),
      generatedBy: say(`Opgesteld door Ramp op ${when(now)}`, `Drafted by Ramp on ${when(now)}`),
    },
  };
}
