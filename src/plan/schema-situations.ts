// Situation A (fallback site) and B (own buildings): the priority services with their RTO, and the
// technical and organisational tasks that restore them.
import { z } from "zod";
import { id, PHASES, text } from "./schema-fields.ts";

export const service = z
  .object({
    id,
    name: text,
    /** Recovery time objective: hours after the declaration by which the service runs again. */
    rtoHours: z.number().positive(),
    /** Functions whose holders are key staff for this service (incident plan, "Sleutelpersoneel"). */
    keyStaff: z.array(id).default([]),
    notes: text.optional(),
  })
  .strict();

export const task = z
  .object({
    id,
    phase: z.enum(PHASES),
    title: text,
    description: text.optional(),
    /** The function that usually owns the task. */
    owner: id,
    /** The priority service this task restores; its RTO gives the deadline. */
    service: id.optional(),
    /** Own deadline in hours after the declaration; overrides the service RTO. */
    deadlineHours: z.number().positive().optional(),
    /**
     * The same work in the other situation (its task id): when the decision changes between
     * A and B, this task carries over with its owner and state instead of being cancelled.
     */
    sameAs: id.optional(),
  })
  .strict();

export const situation = z
  .object({
    name: text,
    /** Target for basic services, hours after the declaration (A: 72, B: 48 in the template). */
    targetHours: z.number().positive(),
    /** Priority-ordered: the first service is restored first. */
    services: z.array(service).min(1),
    tasks: z.array(task).min(1),
  })
  .strict();
