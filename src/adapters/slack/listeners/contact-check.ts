// "Klopt dit nog?" in Slack: "Klopt" answers at once; "Wijzigen" opens the form (checked before
// it closes, each problem beside its field); both are stored in the inbox before they are
// acknowledged, and answered from there, once.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { answerContactCheck } from "../../../core/contacts/answer.ts";
import type { ContactForm } from "../../../core/contacts/model.ts";
import { checkContactForm } from "../../../core/contacts/validate.ts";
import { contactCheckView } from "../../../core/contacts/view.ts";
import { RampError } from "../../../core/errors.ts";
import { InboxAlreadyProcessed } from "../../../core/inbox-scope.ts";
import { CALLBACK_IDS, CONTACT_ACTIONS, FIELDS } from "../action-ids.ts";
import { actionKey, INBOX_KINDS, viewKey } from "../inbox-keys.ts";
import { contactCheckMessage, contactFormModal } from "../render/contact-check.ts";
import type { SlackContext } from "./context.ts";
import { failureMessage } from "./failure.ts";
import { formExpiredText, respondTo, slackActor, tellClickerOnly, viaInbox } from "./inbox.ts";

interface ContactClick {
  userId: string;
  actionId: string;
  checkId: string;
  responseUrl: string;
  triggerId: string;
}

interface ContactFormPayload {
  userId: string;
  checkId: string;
  form: ContactForm;
}

export function registerContactCheck(app: App, ctx: SlackContext): void {
  ctx.inbox.handle(INBOX_KINDS.contactAction, (payload, live) =>
    runClick(ctx, payload as ContactClick, live),
  );
  ctx.inbox.handle(INBOX_KINDS.contactForm, (payload) =>
    runForm(ctx, payload as ContactFormPayload),
  );
  const onClick = async ({
    ack,
    action,
    body,
  }: {
    ack: () => Promise<void>;
    action: ButtonAction;
    body: BlockAction;
  }) => {
    const payload: ContactClick = {
      userId: body.user.id,
      actionId: action.action_id,
      checkId: action.value ?? "",
      responseUrl: body.response_url,
      triggerId: body.trigger_id,
    };
    await viaInbox(
      ctx,
      ack,
      { key: actionKey(body), kind: INBOX_KINDS.contactAction, payload },
      tellClickerOnly(ack, body.response_url),
    );
  };
  app.action<BlockAction<ButtonAction>>(CONTACT_ACTIONS.confirm, onClick);
  app.action<BlockAction<ButtonAction>>(CONTACT_ACTIONS.change, onClick);
  app.view(CALLBACK_IDS.contactForm, async ({ ack, view, body }) => {
    const value = (field: keyof typeof FIELDS) =>
      view.state.values[FIELDS[field].block]?.[FIELDS[field].action]?.value ?? "";
    const form: ContactForm = {
      mobile: value("mobile"),
      phone: value("phone"),
      email: value("email"),
      remark: value("remark"),
    };
    // Checked before the form closes, so nothing typed is lost to a mistake.
    const { problems } = checkContactForm(form);
    if (problems.length > 0) {
      await ack({
        response_action: "errors",
        errors: Object.fromEntries(
          problems.map((p) => [FIELDS[p.field].block, (ctx.nl ? p.nl : p.en).slice(0, 150)]),
        ),
      });
      return;
    }
    const { checkId } = JSON.parse(view.private_metadata || "{}") as { checkId?: string };
    const payload: ContactFormPayload = { userId: body.user.id, checkId: checkId ?? "", form };
    await viaInbox(ctx, ack, { key: viewKey(body), kind: INBOX_KINDS.contactForm, payload });
  });
}

async function runClick(ctx: SlackContext, click: ContactClick, live: boolean): Promise<void> {
  const { engine, client } = ctx;
  const respond = (message: object) => respondTo(click.responseUrl, message);
  try {
    const actor = slackActor(engine, click.userId);
    if (click.actionId === CONTACT_ACTIONS.change) {
      if (!live)
        return await respond({
          response_type: "ephemeral",
          replace_original: false,
          text: formExpiredText(ctx.nl),
        });
      const check = await engine.ctx.store.contactChecks.get(click.checkId);
      if (!check) throw new RampError("contact-check-not-found");
      await client.views.open({
        trigger_id: click.triggerId,
        view: contactFormModal(contactCheckView(engine.ctx, check), ctx.nl) as never,
      });
      return;
    }
    const result = await answerContactCheck(engine.ctx, actor.personId, click.checkId, {
      kind: "confirmed",
    });
    const check = await engine.ctx.store.contactChecks.get(click.checkId);
    const message = contactCheckMessage(contactCheckView(engine.ctx, check!), ctx.nl);
    await respond({ replace_original: true, ...message });
    await client.chat.postMessage({ channel: click.userId, text: result.text });
  } catch (error) {
    if (error instanceof InboxAlreadyProcessed) throw error;
    const message = failureMessage(ctx, error, "contact-check");
    await respond({ response_type: "ephemeral", replace_original: false, ...message });
  }
}

async function runForm(ctx: SlackContext, form: ContactFormPayload): Promise<void> {
  let text: string;
  try {
    const actor = slackActor(ctx.engine, form.userId);
    const result = await answerContactCheck(ctx.engine.ctx, actor.personId, form.checkId, {
      kind: "changed",
      form: form.form,
    });
    text = result.text;
  } catch (error) {
    if (error instanceof InboxAlreadyProcessed) throw error;
    const message = failureMessage(ctx, error, "contact-form");
    await ctx.client.chat.postMessage({
      channel: form.userId,
      text: message.text,
      blocks: message.blocks as never,
    });
    return;
  }
  await ctx.client.chat.postMessage({ channel: form.userId, text });
}
