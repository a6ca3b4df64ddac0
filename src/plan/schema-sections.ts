// The plan's other sections: suppliers and their SLAs, the review questionnaire, exercise
// scenarios with their injects, the activation and deactivation checklists, classification levels.
import { z } from "zod";
import { CLASSIFICATIONS, duration, id, phone, SUPPLIER_KINDS, text } from "./schema-fields.ts";

export const supplier = z
  .object({
    id,
    kind: z.enum(SUPPLIER_KINDS),
    /** What they provide, e.g. "Internet (+ KSZ)", "Firewall", "Brandverzekering". */
    service: text,
    name: text,
    helpdesk: z
      .object({
        phone: phone.optional(),
        email: z.string().email({ message: "email" }).optional(),
        hours: text.optional(),
      })
      .strict()
      .optional(),
    accountManager: z
      .object({
        name: text,
        phone: phone.optional(),
        email: z.string().email({ message: "email" }).optional(),
      })
      .strict()
      .optional(),
    contract: text.optional(),
    reference: text.optional(),
    sla: text.optional(),
    /** Guaranteed repair time in hours, when the SLA states one. */
    slaHours: z.number().positive().optional(),
  })
  .strict();

export const reviewQuestion = z
  .object({
    id,
    text,
    /** For multiple-choice questions (e.g. "Voor geen van de activiteiten" …). */
    options: z.array(text).optional(),
  })
  .strict();

export const reviewSection = z
  .object({ id, title: text, questions: z.array(reviewQuestion).min(1) })
  .strict();

/**
 * A turn in an exercise's scenario: at `at` after the start, `text` goes to a function's holder
 * (by function id), the coordinator, or the exercise's channel.
 */
export const inject = z.object({ at: duration, to: id, text }).strict();

/** An exercise to play (`/ramp oefening start <id>`): how it starts, and its injects. */
export const scenario = z
  .object({
    id,
    title: text,
    /** What is "declared" when the exercise starts, as a coordinator would say it. */
    description: text,
    classification: z.enum(CLASSIFICATIONS),
    injects: z.array(inject).default([]),
  })
  .strict();

/** One line of the incident plan's activation or deactivation table: action, function, reference. */
export const checklistItem = z
  .object({ action: text, function: id.optional(), reference: text.optional() })
  .strict();

export const classificationLevel = z
  .object({ id: z.enum(CLASSIFICATIONS), name: text, description: text })
  .strict();
