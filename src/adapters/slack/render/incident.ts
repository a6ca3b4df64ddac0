import type { IncidentCardView } from "../../../core/views/types.ts";
import { type Block, buttons, context, escapeMrkdwn, facts, header, section } from "./text.ts";

const ICON = { zwak: "🟢", klein: "🟡", groot: "🟠", crisis: "🔴" } as const;

export function incidentBlocks(view: IncidentCardView, nl: boolean): Block[] {
  const blocks: Block[] = [header(`${ICON[view.classification]} ${view.title}`), facts(view.facts)];
  const m = view.meeting;
  if (view.status === "active" && view.planActivated) {
    blocks.push(
      section(
        `📍 *${nl ? "Contactadres" : "Meeting address"}:* ${escapeMrkdwn(m.name)}, ${escapeMrkdwn(m.address)}${m.room ? ` (${escapeMrkdwn(m.room)})` : ""}\n` +
          `⏰ *${nl ? "Aanwezig tegen" : "Arrive by"}:* ${escapeMrkdwn(m.arriveBy)}`,
      ),
    );
    const move = buttons(view.actions);
    if (move) blocks.push(move);
  }
  blocks.push(
    section(
      `*${nl ? "Beslissing" : "Decision"}:* ${escapeMrkdwn(view.decision ?? (nl ? "nog geen (situatie A of B)" : "none yet (situation A or B)"))}`,
    ),
  );
  if (view.services.length > 0) {
    const lines = view.services.map((s) => {
      const state = s.restored
        ? `✅ ${s.restoredAt}${s.withinRto === false ? (nl ? " (na RTO)" : " (after RTO)") : ""}`
        : `⏳ ${s.deadline} (${s.remaining})`;
      return `${s.priority}. ${escapeMrkdwn(s.name)} — RTO ${s.rtoHours} u — ${state}`;
    });
    blocks.push(
      section(`*${nl ? "Prioritaire diensten" : "Priority services"}*\n${lines.join("\n")}`),
    );
  }
  blocks.push(context(`${escapeMrkdwn(view.statusLabel)} · ${view.number}`));
  return blocks;
}
