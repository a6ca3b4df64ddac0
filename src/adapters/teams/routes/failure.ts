// An unexpected failure: logged with a reference the person can quote.
import { randomUUID } from "node:crypto";
import { DatabaseUnavailableError, type ErrorView, RampError } from "../../../core/errors.ts";
import type { TeamsContext } from "./context.ts";

export function failureView(ctx: TeamsContext, error: unknown, where: string): ErrorView {
  if (error instanceof DatabaseUnavailableError) {
    ctx.logger.warn({ detail: error.detail, where }, "Teams request failed: database unavailable");
    return error.view();
  }
  if (error instanceof RampError) return error.view();
  const reference = randomUUID().slice(0, 8);
  ctx.logger.error({ err: error, reference, where }, "Teams request failed");
  return {
    code: "invalid-input",
    nl: `Er ging iets mis (referentie ${reference}). Probeer opnieuw; blijft het mislukken, geef de referentie door aan de beheerder.`,
    en: `Something went wrong (reference ${reference}). Try again; if it keeps failing, give the reference to the administrator.`,
  };
}
