// An unexpected failure: logged with a short reference the person can quote, and told in the plan's language.
import { randomUUID } from "node:crypto";
import { DatabaseUnavailableError, RampError } from "../../../core/errors.ts";
import { renderError, type SlackMessage } from "../render/index.ts";
import type { SlackContext } from "./context.ts";

export function failureMessage(ctx: SlackContext, error: unknown, where: string): SlackMessage {
  if (error instanceof DatabaseUnavailableError) {
    ctx.logger.warn({ detail: error.detail, where }, "Slack request failed: database unavailable");
    return renderError(error.view(), ctx.nl);
  }
  if (error instanceof RampError) return renderError(error.view(), ctx.nl);
  const reference = randomUUID().slice(0, 8);
  ctx.logger.error({ err: error, reference, where }, "Slack request failed");
  return renderError(
    {
      code: "invalid-input",
      nl: `Er ging iets mis (referentie ${reference}). Probeer opnieuw; blijft het mislukken, geef de referentie door aan de beheerder.`,
      en: `Something went wrong (reference ${reference}). Try again; if it keeps failing, give the reference to the administrator.`,
    },
    ctx.nl,
  );
}
