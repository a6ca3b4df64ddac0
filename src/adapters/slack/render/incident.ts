import type { IncidentCardView } from "../../../core/views/types.ts";
import {
  type Block,
  buttons,
  context,
  escapeMrkdwn,
  facts,
  header,
  section,
  shorten,
} from "./text.ts";

const ICON = { zwak: "🟢", klein: "🟡", groot: "🟠", crisis: "🔴" } as const;

/** Moving the meeting reaches everyone paged: Slack asks the clicker to confirm first. */
function meetingButtons(view: IncidentCardView, nl: boolean): Block | null {
  const block = buttons(view.actions);
  if (!block) return null;
  const elements = (block.elements as Block[]).map((button, i) => {
    const question = view.actions[i]?.confirm;
    if (!question) return button;
    // Slack: a confirmation's title at most 100 characters, its text 300, its buttons 30.
    const plain = (text: string, max = 30) => ({
      type: "plain_text",
      text: shorten(text, max),
      emoji: true,
    });
    return {
      ...button,
      confirm: {
        title: plain(nl ? "Contactadres wijzigen?" : "Change the meeting address?", 100),
        text: plain(question, 300),
        confirm: plain(nl ? "Wijzigen" : "Change"),
        deny: plain(nl ? "Annuleren" : "Cancel"),
      },
    };
  });
  return { ...block, elements };
}

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
    const move = meetingButtons(view, nl);
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
