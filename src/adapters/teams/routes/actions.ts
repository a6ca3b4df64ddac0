// Action.Execute: page answers, task actions, decisions, the start form and card refreshes.
// Kept short (Teams waits a few seconds): stored in the inbox, one engine command, then the card
// re-rendered from the database for the person who clicked (or, when the command takes longer,
// the card saying it is being processed); the outbox updates the card for everyone else.
import type { TurnContext } from "botbuilder";
import { cardOfAction, performAction } from "../../../core/chat/act.ts";
import { declaredReply } from "../../../core/chat/declared.ts";
import { RampError } from "../../../core/errors.ts";
import { InboxAlreadyProcessed } from "../../../core/inbox-scope.ts";
import type { CardRef, Meeting, Scope } from "../../../core/model.ts";
import type { InboxItem } from "../../../core/ports.ts";
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
import { inTurn, store, TEAMS_INBOX_KINDS, type TeamsPayload, teamsPayload } from "./inbox.ts";

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

/**
 * How long an invoke waits for its processing before answering "wordt verwerkt": Teams gives an
 * invoke a few seconds, and the command normally takes a fraction of one.
 */
export const INVOKE_WAIT_MS = 2_000;

interface ActionPayload extends TeamsPayload {
  personId: string;
  verb: string;
  data: Data;
}

interface StartPayload extends TeamsPayload {
  personId: string;
  data: Data;
  personal: boolean;
}

export function registerActionHandlers(ctx: TeamsContext): void {
  ctx.inbox.handle(TEAMS_INBOX_KINDS.action, async (payload, live, item) => {
    const card = await performVerb(ctx, payload as ActionPayload);
    // After a restart there is no invoke to answer: the outbox updates the card for everyone.
    if (live) ctx.answers.get(item.id)?.(card);
  });
  ctx.inbox.handle(TEAMS_INBOX_KINDS.start, async (payload, live, item) => {
    const start = payload as StartPayload;
    const card = await declareFromForm(ctx, start, () =>
      live ? ctx.turns.get(item.id) : undefined,
    );
    if (live) ctx.answers.get(item.id)?.(card);
    // After a restart the form's answer goes to the conversation it was sent from.
    else
      await inTurn(ctx, undefined, start.reference, async (turn) => {
        await turn.sendActivity({
          attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", content: card }],
        });
      });
  });
}

/** Processes a stored invoke, waiting INVOKE_WAIT_MS at most for the card it answers with. */
export async function answerWithin(
  ctx: TeamsContext,
  context: TurnContext,
  item: InboxItem,
  pending: () => Promise<AdaptiveCard>,
): Promise<AdaptiveCard> {
  let timer: NodeJS.Timeout | undefined;
  const answered = new Promise<AdaptiveCard | "waiting">((resolve) => {
    ctx.answers.set(item.id, resolve);
    timer = setTimeout(() => resolve("waiting"), INVOKE_WAIT_MS);
  });
  ctx.turns.set(item.id, context);
  const processing = ctx.inbox.process(item).finally(() => {
    ctx.answers.delete(item.id);
    ctx.turns.delete(item.id);
  });
  const outcome = await Promise.race([answered, processing.then(() => "processed" as const)]);
  clearTimeout(timer);
  // The invoke is answered now: what the processing still does, it does in a proactive turn.
  ctx.turns.delete(item.id);
  // Processed without an answer (someone else had processed it already): the card as it is.
  if (outcome === "processed") return pending();
  if (outcome === "waiting") return processingCard(ctx, await pending());
  return outcome;
}

/** The card as it is now, with "being processed" on top: the outbox brings the result. */
function processingCard(ctx: TeamsContext, current: AdaptiveCard): AdaptiveCard {
  const note = ctx.nl
    ? "⏳ Wordt verwerkt. De kaart toont het resultaat zodra het klaar is."
    : "⏳ Being processed. The card shows the result as soon as it is done.";
  return { ...current, body: [text(note), ...(current.body as unknown[])] };
}

export async function onStart(
  context: TurnContext,
  ctx: TeamsContext,
  data: Data,
): Promise<AdaptiveCard> {
  let actor: Awaited<ReturnType<typeof identify>>;
  try {
    actor = await identify(context, ctx.engine, ctx.conversations);
  } catch (error) {
    return renderError(failureView(ctx, error, "start"), ctx.nl);
  }
  const payload: StartPayload = teamsPayload(context, {
    personId: actor.personId,
    data,
    personal: isPersonal(context),
  });
  const item = await store(ctx, context, TEAMS_INBOX_KINDS.start, payload);
  const sent = ctx.nl ? "Dit formulier werd al verstuurd." : "This form was already sent.";
  if (!item) return renderError({ code: "invalid-input", nl: sent, en: sent }, ctx.nl);
  return answerWithin(ctx, context, item, async () =>
    renderError(
      {
        code: "invalid-input",
        nl: "⏳ Het incident wordt gestart; de kaart volgt in dit gesprek.",
        en: "⏳ The incident is being declared; its card follows in this conversation.",
      },
      ctx.nl,
    ),
  );
}

async function declareFromForm(
  ctx: TeamsContext,
  start: StartPayload,
  /** The invoke's turn while it is open (not once answered "wordt verwerkt", nor after a restart). */
  turn: () => TurnContext | undefined,
): Promise<AdaptiveCard> {
  const { data } = start;
  try {
    const actor = ctx.engine.identify({ personId: start.personId }, "teams");
    const incident = await ctx.engine.declare(actor, {
      classification: data[INPUTS.classification] as Classification,
      scope: (data[INPUTS.scope] || "onbekend") as Scope,
      description: data[INPUTS.description] ?? "",
      officeHours:
        data[INPUTS.officeHours] === undefined ? null : data[INPUTS.officeHours] === "ja",
      meeting: (data[INPUTS.meeting] || "primary") as Meeting,
    });
    if (!start.personal) {
      await inTurn(ctx, turn(), start.reference, (t) =>
        ctx.conversations.rememberIncident(t, incident.id),
      );
    }
    return renderReply(await declaredReply(ctx.engine, incident.id, TEAMS_PREFIX), ctx.nl);
  } catch (error) {
    if (error instanceof InboxAlreadyProcessed) throw error;
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
    if (!kind) throw new Error(`unknown verb ${verb}`);
  } catch (error) {
    return withWarning(ctx, ref, viewer, failureView(ctx, error, verb));
  }
  const payload = teamsPayload(context, { personId: viewer.personId!, verb, data });
  const item = await store(ctx, context, TEAMS_INBOX_KINDS.action, payload);
  const current = () => currentCard(ctx, ref, viewer);
  // A redelivered click: acted on once already; the card as it is now.
  if (!item) return current();
  return answerWithin(ctx, context, item, current);
}

async function performVerb(ctx: TeamsContext, click: ActionPayload): Promise<AdaptiveCard> {
  const { verb, data } = click;
  const kind = KIND_BY_VERB[verb]!;
  const subjectId = data.subjectId ?? "";
  const ref = cardOfAction(kind, subjectId);
  const { engine } = ctx;
  const viewer: Viewer = {
    personId: click.personId,
    leader: engine.directory.isLeader(click.personId),
  };
  try {
    const actor = engine.identify({ personId: click.personId }, "teams");
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
    return await currentCard(ctx, ref, viewer);
  } catch (error) {
    if (error instanceof InboxAlreadyProcessed) throw error;
    return withWarning(ctx, ref, viewer, failureView(ctx, error, verb));
  }
}

async function currentCard(ctx: TeamsContext, ref: CardRef, viewer: Viewer) {
  return renderCard(forViewer(await ctx.engine.views.card(ref), viewer), ctx.nl);
}

/** The current card, with why the click did nothing on top (e.g. "Al opgenomen door …"). */
async function withWarning(
  ctx: TeamsContext,
  ref: CardRef,
  viewer: Viewer,
  view: ReturnType<typeof failureView>,
): Promise<AdaptiveCard> {
  try {
    const current = await currentCard(ctx, ref, viewer);
    const body = current.body as unknown[];
    const why = paragraphs(ctx.nl ? view.nl : view.en);
    return { ...current, body: [text(`⚠️ ${why}`, { color: "Attention" }), ...body] };
  } catch {
    return renderError(view, ctx.nl);
  }
}
