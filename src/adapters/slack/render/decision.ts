import type { DecisionView } from "../../../core/views/types.ts";
import { type Block, buttons, context, escapeMrkdwn, header, section } from "./text.ts";

export function decisionBlocks(view: DecisionView, nl: boolean): Block[] {
  const blocks: Block[] = [header(view.title)];
  if (view.evaluation)
    blocks.push(section(`*${nl ? "Evaluatie" : "Evaluation"}:* ${escapeMrkdwn(view.evaluation)}`));
  blocks.push(
    section(
      view.current
        ? `*${nl ? "Huidige beslissing" : "Current decision"}:* ${escapeMrkdwn(view.current)}`
        : nl
          ? "Na de evaluatie beslist de coördinator: *A* voortzetting op een uitwijklocatie (basisdiensten binnen 72 uur) of *B* in de eigen gebouwen (binnen 48 uur)."
          : "After the evaluation the coordinator decides: *A* continue at a fallback location (basic services within 72 hours) or *B* in the own buildings (within 48 hours).",
    ),
  );
  const change = view.lastChange;
  if (change) {
    const list = (label: string, lines: string[]) =>
      lines.length > 0
        ? `\n*${label}:*\n${lines.map((l) => `• ${escapeMrkdwn(l)}`).join("\n")}`
        : "";
    blocks.push(
      section(
        `*${nl ? "Laatste wijziging" : "Last change"}* (${change.at}, ${escapeMrkdwn(change.by)}): ${escapeMrkdwn(change.from)} → ${escapeMrkdwn(change.to)}` +
          (change.reason ? `\n*${nl ? "Reden" : "Reason"}:* ${escapeMrkdwn(change.reason)}` : "") +
          list(nl ? "Geannuleerd" : "Cancelled", change.cancelled) +
          list(nl ? "Lopen door" : "Carried over", change.carried),
      ),
    );
  }
  const actions = buttons(view.actions);
  if (actions) blocks.push(actions);
  if (view.history.length > 0) {
    blocks.push(
      context(
        view.history
          .map((h) => `${h.at} — ${escapeMrkdwn(h.by)}: ${escapeMrkdwn(h.text)}`)
          .join("\n"),
      ),
    );
  }
  return blocks;
}
