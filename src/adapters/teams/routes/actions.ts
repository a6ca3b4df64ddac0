// Action.Execute: page answers, task actions, decisions, the start form and card refreshes.
// Kept short (Teams waits a few seconds): one engine command, then the card re-rendered from
// the database for the person who clicked; the outbox updates the card for everyone else.
import type { TurnContext } from "botbuilder";
import { cardOfAction, performAction } from "../../../core/chat/act.ts";
import { declaredReply } from "../../../core/chat/declared.ts";
import { RampError } from "../../../core/errors.ts";
import type { CardRef, Meeting, Scope } from "../../../core/model.ts";
import type { Classification } from "../../../plan/schema.ts";
import { isPersonal } from "../conversations.ts";
import { identify } from "../identity.ts";
import { type AdaptiveCard, text } from "../render/elements.ts";
import { renderCard, renderError, renderReply } from "../render/index.ts";
import { paragraphs } from "../render/markdown.ts";
import { forViewer, type Viewer } from "../render/viewer.ts";
import { INPUTS, KIND_BY_VERB } from "../verbs.ts";
import { TEAMS_PREFIX, type TeamsContext } from "./context.ts";
import { failureView } from "./failure.ts";

type Data = Record<string, string | undefined> & { card?: CardRef };

/** Teams asks for the card as one person should see it now (User Specific Views). */
export async function onRefresh(
  context: TurnContext,
  ctx: TeamsContext,
  data: Data,
): Promise<AdaptiveCard> {
  if (!data.card) throw new Error("refresh without a card reference");
  const view = await ctx.engine.views.card(data.card);
  return renderCard(forViewer(view, await viewerOf(context, ctx)), ctx.nl);
}

async function viewerOf(context: TurnContext, ctx: TeamsContext): Promise<Viewer> {
  try {
    const { personId } = await identify(context, ctx.engine, ctx.conversations);
    return { personId, leader: ctx.engine.directory.isLeader(personId) };
  } catch (error) {
    if (error instanceof RampError) return { personId: null, leader: false };
    throw error;
  }
}

export async function onStart(
  context: TurnContext,
  ctx: TeamsContext,
  data: Data,
): Promise<AdaptiveCard> {
  try {
    const actor = await identify(context, ctx.engine, ctx.conversations);
    const incident = await ctx.engine.declare(actor, {
      classification: data[INPUTS.classification] as Classification,
      scope: (data[INPUTS.scope] || "onbekend") as Scope,
      description: data[INPUTS.description] ?? "",
      officeHours:
        data[INPUTS.officeHours] === undefined ? null : data[INPUTS.officeHours] === "ja",
      meeting: (data[INPUTS.meeting] || "primary") as Meeting,
    });
    if (!isPersonal(context)) await ctx.conversations.rememberIncident(context, incident.id);
    return renderReply(await declaredReply(ctx.engine, incident.id, TEAMS_PREFIX), ctx.nl);
  } catch (error) {
    return renderError(failureView(ctx, error, "start"), ctx.nl);
  }
}

export async function onAction(
  context: TurnContext,
  ctx: TeamsContext,
  verb: string,
  data: Data,
): Promise<AdaptiveCard> {
  const kind = KIND_BY_VERB[verb];
  const subjectId = data.subjectId ?? "";
  const ref = kind ? cardOfAction(kind, subjectId) : ({ kind: "task", taskId: subjectId } as const);
  let viewer: Viewer = { personId: null, leader: false };
  try {
    const actor = await identify(context, ctx.engine, ctx.conversations);
    viewer = { personId: actor.personId, leader: ctx.engine.directory.isLeader(actor.personId) };
    const { engine } = ctx;
    if (!kind) throw new Error(`unknown verb ${verb}`);
    await performAction(engine, actor, {
      action: kind,
      subjectId,
      situation: data.situation === "A" ? "A" : "B",
      locationId: data.locationId ?? null,
      meeting: data.meeting === "primary" || data.meeting === "fallback" ? data.meeting : null,
      // A decision's card in the card names its reason by situation (ids are unique per card).
      reason: data[INPUTS.reason] ?? data[`${INPUTS.reason}-${data.situation}`],
      confirmed: data.confirmed === "yes",
    });
    return renderCard(forViewer(await engine.views.card(ref), viewer), ctx.nl);
  } catch (error) {
    // The current card, with why the click did nothing on top (e.g. "Al opgenomen door …").
    const view = failureView(ctx, error, verb);
    try {
      const current = renderCard(forViewer(await ctx.engine.views.card(ref), viewer), ctx.nl);
      const body = current.body as unknown[];
      const why = paragraphs(ctx.nl ? view.nl : view.en);
      return { ...current, body: [text(`⚠️ ${why}`, { color: "Attention" }), ...body] };
    } catch {
      return renderError(view, ctx.nl);
    }
  }
}
