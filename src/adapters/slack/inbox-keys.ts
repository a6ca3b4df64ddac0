// Slack's own unique keys for an interaction, for the inbox (a redelivery has the same one).
// trigger_id is in every slash command, block_actions and view_submission payload and is unique
// per interaction; without it (not documented for all shapes), the click's own identity.
export const SLACK_PLATFORM = "slack";

export const INBOX_KINDS = {
  command: "slack.command",
  action: "slack.action",
  startForm: "slack.view.start-form",
  blockReason: "slack.view.block-reason",
  decisionChange: "slack.view.decision-change",
  contactAction: "slack.contact.action",
  contactForm: "slack.view.contact-form",
} as const;

export function actionKey(body: {
  trigger_id?: string;
  user: { id: string };
  actions?: Array<{ action_id: string; action_ts?: string }>;
}): string {
  if (body.trigger_id) return `trigger:${body.trigger_id}`;
  const action = body.actions?.[0];
  return `action:${action?.action_ts ?? ""}:${body.user.id}:${action?.action_id ?? ""}`;
}

export function viewKey(body: {
  trigger_id?: string;
  view: { id: string; hash?: string };
}): string {
  return body.trigger_id
    ? `trigger:${body.trigger_id}`
    : `view:${body.view.id}:${body.view.hash ?? ""}`;
}
