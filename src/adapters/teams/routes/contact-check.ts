// "Klopt dit nog?" in Teams: "Klopt" and the "Wijzigen" form are stored in the inbox before the
// invoke is answered, answered once from there, and the card comes back with the result (or,
// for a form with a mistake, the problem on top and nothing changed).
import type { TurnContext } from "botbuilder";
import { answerContactCheck } from "../../../core/contacts/answer.ts";
import { contactCheckView } from "../../../core/contacts/view.ts";
import { RampError } from "../../../core/errors.ts";
import { InboxAlreadyProcessed } from "../../../core/inbox-scope.ts";
import { identify } from "../identity.ts";
import { contactCheckCard } from "../render/contact-check.ts";
import type { AdaptiveCard } from "../render/elements.ts";
import { renderError } from "../render/index.ts";
import { CONTACT_INPUTS, CONTACT_VERBS } from "../verbs.ts";
import { answerWithin } from "./actions.ts";
import type { TeamsContext } from "./context.ts";
import { failureView } from "./failure.ts";
import { store, type TeamsPayload, teamsPayload } from "./inbox.ts";

type Data = Record<string, string | undefined>;

interface ContactPayload extends TeamsPayload {
  personId: string;
  verb: string;
  data: Data;
}

export const TEAMS_CONTACT_KIND = "teams.contact";

export function registerContactHandlers(ctx: TeamsContext): void {
  ctx.inbox.handle(TEAMS_CONTACT_KIND, async (payload, live, item) => {
    const card = await answer(ctx, payload as ContactPayload);
    if (live) ctx.answers.get(item.id)?.(card);
  });
}

export async function onContactAction(
  context: TurnContext,
  ctx: TeamsContext,
  verb: string,
  data: Data,
): Promise<AdaptiveCard> {
  let personId: string;
  try {
    personId = (await identify(context, ctx.engine, ctx.conversations)).personId;
  } catch (error) {
    return renderError(failureView(ctx, error, verb), ctx.nl);
  }
  const payload = teamsPayload(context, { personId, verb, data });
  const item = await store(ctx, context, TEAMS_CONTACT_KIND, payload);
  const current = () => currentCard(ctx, data.checkId ?? "", {});
  if (!item) return current();
  return answerWithin(ctx, context, item, current);
}

async function answer(ctx: TeamsContext, click: ContactPayload): Promise<AdaptiveCard> {
  const checkId = click.data.checkId ?? "";
  try {
    const result = await answerContactCheck(
      ctx.engine.ctx,
      click.personId,
      checkId,
      click.verb === CONTACT_VERBS.change
        ? {
            kind: "changed",
            form: {
              mobile: click.data[CONTACT_INPUTS.mobile] ?? "",
              phone: click.data[CONTACT_INPUTS.phone] ?? "",
              email: click.data[CONTACT_INPUTS.email] ?? "",
              remark: click.data[CONTACT_INPUTS.remark] ?? "",
            },
          }
        : { kind: "confirmed" },
    );
    return await currentCard(ctx, checkId, { ok: result.text });
  } catch (error) {
    if (error instanceof InboxAlreadyProcessed) throw error;
    const view = failureView(ctx, error, click.verb);
    if (!(error instanceof RampError) || error.code === "contact-check-not-found")
      return renderError(view, ctx.nl);
    return currentCard(ctx, checkId, { problem: ctx.nl ? view.nl : view.en });
  }
}

async function currentCard(
  ctx: TeamsContext,
  checkId: string,
  notes: { ok?: string; problem?: string },
): Promise<AdaptiveCard> {
  const check = await ctx.engine.ctx.store.contactChecks.get(checkId);
  if (!check) {
    const gone = new RampError("contact-check-not-found").view();
    return renderError(gone, ctx.nl);
  }
  return contactCheckCard(contactCheckView(ctx.engine.ctx, check), ctx.nl, notes);
}
