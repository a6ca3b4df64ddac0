// The SMS PINs on the board (coordinator and deputies): GET /sms-pin lists who has one, and
// POST /sms-pin sets or replaces a person's PIN. Only its hash is kept (core/sms/pin.ts); the
// page never shows a PIN back.
import type { Router } from "express";
import { setSmsPin } from "../../../core/sms/pin.ts";
import { formatDateTime } from "../../../core/time.ts";
import { html } from "../render/html.ts";
import { contextFor, formBody, reader, refuseSignIn, type WebContext } from "./context.ts";
import { actAsSignedIn, sendSignedInPage } from "./signed-in.ts";

export const SMS_PIN_PATH = "/sms-pin";

export function registerSmsPins(router: Router, c: WebContext): void {
  router.get(SMS_PIN_PATH, async (req, res) => {
    const session = reader(c, req, res);
    if (!session) return refuseSignIn(c, res);
    const ctx = contextFor(c, session, SMS_PIN_PATH);
    const { dir } = c.engine.ctx;
    const nl = dir.locale === "nl";
    const title = nl ? "Sms-PIN" : "SMS PIN";
    const pins = new Map((await c.engine.ctx.store.sms.listPins()).map((p) => [p.personId, p]));
    const people = dir.plan.people.filter((p) => p.mobile);
    const rows = people.map((p) => {
      const pin = pins.get(p.id);
      const state = pin
        ? nl
          ? `ingesteld door ${dir.name(pin.setById)}, ${formatDateTime(pin.setAt, dir.locale, dir.timeZone)}`
          : `set by ${dir.name(pin.setById)}, ${formatDateTime(pin.setAt, dir.locale, dir.timeZone)}`
        : nl
          ? "geen"
          : "none";
      return html`<tr><td>${p.name}</td><td>${state}</td></tr>`;
    });
    const form =
      ctx.leader && ctx.csrf !== null
        ? html`<form method="post" action="${SMS_PIN_PATH}" class="sms-pin-form">
<input type="hidden" name="csrf" value="${ctx.csrf}">
<label for="sms-pin-person">${nl ? "Persoon" : "Person"}</label>
<select id="sms-pin-person" name="personId" required>${people.map((p) => html`<option value="${p.id}">${p.name}</option>`)}</select>
<label for="sms-pin-value">${nl ? "Nieuwe PIN (4 tot 8 cijfers)" : "New PIN (4 to 8 digits)"}</label>
<input id="sms-pin-value" name="pin" type="password" inputmode="numeric" autocomplete="new-password" pattern="[0-9]{4,8}" required>
<button class="btn primary" type="submit">${nl ? "PIN instellen" : "Set PIN"}</button>
</form>`
        : html`<p>${nl ? "Enkel de coördinator of een plaatsvervanger stelt een PIN in." : "Only the coordinator or a deputy sets a PIN."}</p>`;
    sendSignedInPage(c, res, session, ctx, {
      title,
      body: html`<h1>${title}</h1>
<p>${nl ? "Met de PIN kan iemand per sms een incident starten (START), beslissen (BESLIS) en afsluiten (SLUIT). Geef hem persoonlijk door; Ramp bewaart alleen een hash." : "With the PIN someone can declare (DECLARE), decide (DECIDE) and close (CLOSE) by SMS. Hand it over in person; Ramp keeps only a hash."}</p>
${form}
<table><thead><tr><th>${nl ? "Persoon" : "Person"}</th><th>PIN</th></tr></thead><tbody>${rows}</tbody></table>`,
    });
  });

  router.post(
    SMS_PIN_PATH,
    formBody,
    actAsSignedIn(c, { back: SMS_PIN_PATH, failure: "sms-pin.set" }, async (actor, req) => {
      const nl = c.engine.directory.locale === "nl";
      const body = req.body as { personId?: string; pin?: string };
      const personId = String(body.personId ?? "");
      await setSmsPin(c.engine.ctx, actor, personId, String(body.pin ?? "").trim());
      const name = c.engine.directory.name(personId);
      return nl ? `Sms-PIN ingesteld voor ${name}.` : `SMS PIN set for ${name}.`;
    }),
  );
}
