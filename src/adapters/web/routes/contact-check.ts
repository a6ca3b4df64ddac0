// /contacts/<token>: one person's "Klopt dit nog?" on the web, from the signed link in their
// SMS, the local chat or beside their Slack or Teams message: their details, "Klopt", and the
// "Wijzigen" form (each problem beside its field, nothing typed lost). Both are stored in the
// inbox under the form's nonce before they are acted on, so a double submit acts once.
import { randomUUID } from "node:crypto";
import type { Router } from "express";
import { answerContactCheck } from "../../../core/contacts/answer.ts";
import type { ContactForm } from "../../../core/contacts/model.ts";
import { checkContactForm, type FieldProblem } from "../../../core/contacts/validate.ts";
import { type ContactCheckView, contactCheckView } from "../../../core/contacts/view.ts";
import { InboxAlreadyProcessed } from "../../../core/inbox-scope.ts";
import { createContactToken, readContactToken } from "../auth.ts";
import { NONCE_FIELD } from "../render/actions.ts";
import { type Html, html } from "../render/html.ts";
import { page } from "../render/layout.ts";
import { contextFor, failureText, formBody, sendHtml, type WebContext } from "./context.ts";
import { formKey, processForm, storeForm } from "./inbox.ts";

export const WEB_CONTACT_KIND = "web.contact";

/** The signed link to one person's request. */
export function contactCheckLink(c: WebContext, checkId: string, personId: string): string {
  const token = createContactToken(c.signer, checkId, personId, Date.now());
  return `${c.baseUrl()}/contacts/${encodeURIComponent(token)}`;
}

interface ContactPost {
  personId: string;
  checkId: string;
  answer: "confirmed" | "changed";
  form: ContactForm;
}

type Outcome = { ok: true; text: string } | { ok: false; text: string };

export function registerContactCheck(router: Router, c: WebContext): void {
  c.inbox.handle(WEB_CONTACT_KIND, async (payload, _live, item) => {
    const post = payload as ContactPost;
    let outcome: Outcome;
    try {
      const result = await answerContactCheck(
        c.engine.ctx,
        post.personId,
        post.checkId,
        post.answer === "changed" ? { kind: "changed", form: post.form } : { kind: "confirmed" },
      );
      outcome = { ok: true, text: result.text };
    } catch (error) {
      if (error instanceof InboxAlreadyProcessed) throw error;
      outcome = { ok: false, text: failureText(c, error, "contact-check").text };
    }
    c.answers.get(item.id)?.(outcome);
  });

  router.get(/^\/contacts\/([^/]+)$/, async (req, res) => {
    const claims = readContactToken(c.signer, req.params[0] ?? "", Date.now());
    const view = claims ? await viewOf(c, claims) : null;
    if (!view) return sendHtml(res, invalidLink(c), 403);
    res.set("Cache-Control", "no-store");
    sendHtml(res, contactPage(c, view, `/contacts/${encodeURIComponent(req.params[0]!)}`, {}));
  });

  router.post(/^\/contacts\/([^/]+)$/, formBody, async (req, res) => {
    const token = req.params[0] ?? "";
    const claims = readContactToken(c.signer, token, Date.now());
    const view = claims ? await viewOf(c, claims) : null;
    if (!claims || !view) return sendHtml(res, invalidLink(c), 403);
    const here = `/contacts/${encodeURIComponent(token)}`;
    const body = req.body as Record<string, unknown>;
    const field = (name: string) => (typeof body[name] === "string" ? (body[name] as string) : "");
    const answer = body.answer === "changed" ? "changed" : "confirmed";
    const form: ContactForm = {
      mobile: field("mobile"),
      phone: field("phone"),
      email: field("email"),
      remark: field("remark"),
    };
    res.set("Cache-Control", "no-store");
    if (answer === "changed") {
      // Checked before it is stored: the form comes back with what was typed and each problem.
      const { problems } = checkContactForm(form);
      if (problems.length > 0)
        return sendHtml(res, contactPage(c, view, here, { form, problems }), 422);
    }
    const item = await storeForm(c, req, res, {
      key: formKey(body, answer),
      kind: WEB_CONTACT_KIND,
      payload: { personId: claims.personId, checkId: claims.checkId, answer, form },
    });
    if (item === "failed") return;
    const alreadySent: Outcome = { ok: true, text: c.w("alreadySent") };
    const outcome = item ? await processForm<Outcome>(c, item, alreadySent) : alreadySent;
    const fresh = (await viewOf(c, claims)) ?? view;
    sendHtml(
      res,
      contactPage(
        c,
        fresh,
        here,
        outcome.ok ? { done: outcome.text } : { form, failure: outcome.text },
      ),
      outcome.ok ? 200 : 422,
    );
  });
}

async function viewOf(
  c: WebContext,
  claims: { checkId: string; personId: string },
): Promise<ContactCheckView | null> {
  const check = await c.engine.ctx.store.contactChecks.get(claims.checkId);
  if (!check || check.personId !== claims.personId || !c.engine.directory.person(check.personId)) {
    c.logger.warn({ known: check !== null }, "web: refused a contact check link");
    return null;
  }
  return contactCheckView(c.engine.ctx, check);
}

function contactPage(
  c: WebContext,
  view: ContactCheckView,
  here: string,
  state: { form?: ContactForm; problems?: FieldProblem[]; done?: string; failure?: string },
): Html {
  const nl = c.engine.directory.locale === "nl";
  const w = view.words;
  const problemOf = (field: FieldProblem["field"]) => {
    const p = state.problems?.find((x) => x.field === field);
    return p ? (nl ? p.nl : p.en) : null;
  };
  const input = (name: "mobile" | "phone" | "email", label: string, type: string) => {
    const value = state.form?.[name] ?? view.current[name] ?? "";
    const problem = problemOf(name);
    return html`<p><label for="contact-${name}">${label}</label><br><input id="contact-${name}" name="${name}" type="${type}" value="${value}" maxlength="254" autocomplete="${name === "email" ? "email" : "tel"}"${problem ? html` aria-invalid="true" aria-describedby="contact-${name}-problem"` : html``}>${problem ? html`<br><span id="contact-${name}-problem" role="alert">${problem}</span>` : html``}</p>`;
  };
  const remarkProblem = problemOf("remark");
  const nonce = () => html`<input type="hidden" name="${NONCE_FIELD}" value="${randomUUID()}">`;
  const status = state.done
    ? html`<p role="status">✅ ${state.done}</p>`
    : state.failure
      ? html`<p role="alert">${state.failure}</p>`
      : view.answered
        ? html`<p role="status">${view.answered.answer === "confirmed" ? w.confirm : w.change} — ${view.answered.at}</p>`
        : html``;
  const open = Boolean(state.problems?.length || state.failure);
  return page(contextFor(c, null, here), {
    title: view.title,
    current: null,
    nav: false,
    local: false,
    body: html`<h1>${view.title}</h1>
<p>${view.name}: ${nl ? "kloppen uw contactgegevens in het rampenplan nog?" : "are your contact details in the crisis plan still right?"}</p>
<dl>${view.details.map((d) => html`<dt>${d.label}</dt><dd>${d.value}</dd>`)}</dl>
${status}
<form method="post" action="${here}">${nonce()}<input type="hidden" name="answer" value="confirmed"><button type="submit" class="primary">${w.confirm}</button></form>
<details${open ? html` open` : html``}><summary>${w.change}</summary>
<form method="post" action="${here}" novalidate>${nonce()}<input type="hidden" name="answer" value="changed">
${input("mobile", w.mobile, "tel")}
${input("email", w.email, "email")}
${input("phone", w.phone, "tel")}
<p><label for="contact-remark">${w.remark}</label><br><textarea id="contact-remark" name="remark" maxlength="500" placeholder="${w.remarkHint}">${state.form?.remark ?? ""}</textarea>${remarkProblem ? html`<br><span role="alert">${remarkProblem}</span>` : html``}</p>
<button type="submit">${w.submit}</button></form></details>`,
  });
}

function invalidLink(c: WebContext): Html {
  const nl = c.engine.directory.locale === "nl";
  return page(contextFor(c, null, "/"), {
    title: "403",
    current: null,
    nav: false,
    local: false,
    body: html`<h1>${nl ? "Klopt dit nog?" : "Is this still right?"}</h1><p role="alert">${
      nl
        ? "Deze link is ongeldig of verlopen. Bij de volgende vraag om uw gegevens te bevestigen krijgt u een nieuwe."
        : "This link is not valid or has expired. The next request to confirm your details brings a new one."
    }</p>`,
  });
}
