// Look-ups in a loaded plan: people by platform identity, functions, alternates, services.
import type {
  CrisisFunction,
  FallbackLocation,
  Locale,
  Person,
  Plan,
  PlanService,
  Situation,
  SituationId,
} from "../plan/schema.ts";

export class PlanDirectory {
  private readonly people = new Map<string, Person>();
  private readonly bySlack = new Map<string, Person>();
  private readonly byTeams = new Map<string, Person>();
  private readonly functions = new Map<string, CrisisFunction>();

  constructor(
    readonly plan: Plan,
    readonly planHash: string,
  ) {
    for (const person of plan.people) {
      this.people.set(person.id, person);
      if (person.slackUserId) this.bySlack.set(person.slackUserId, person);
      if (person.teamsUserId) this.byTeams.set(person.teamsUserId.toLowerCase(), person);
    }
    for (const fn of plan.functions) this.functions.set(fn.id, fn);
  }

  get locale(): Locale {
    return this.plan.organisation.locale;
  }

  get timeZone(): string {
    return this.plan.organisation.timeZone;
  }

  person(id: string): Person | undefined {
    return this.people.get(id);
  }

  personBySlackId(slackUserId: string): Person | undefined {
    return this.bySlack.get(slackUserId);
  }

  /** Teams identities match case-insensitively (UPNs are e-mail-like). */
  personByTeamsId(...candidates: Array<string | undefined>): Person | undefined {
    for (const candidate of candidates) {
      const found = candidate ? this.byTeams.get(candidate.toLowerCase()) : undefined;
      if (found) return found;
    }
    return undefined;
  }

  name(personId: string | null | undefined): string {
    if (!personId) return "—";
    return this.people.get(personId)?.name ?? personId;
  }

  fn(id: string): CrisisFunction | undefined {
    return this.functions.get(id);
  }

  functionName(id: string | null | undefined): string {
    if (!id) return "—";
    return this.functions.get(id)?.name ?? id;
  }

  /** The person paged at `attempt` for a function: 0 the holder, then the alternates in order. */
  pageeFor(functionId: string, attempt: number): string | undefined {
    const fn = this.functions.get(functionId);
    if (!fn) return undefined;
    return [fn.holder, ...fn.alternates][attempt];
  }

  /** The coordinator and the deputies, in order: who may declare, decide and close. */
  get leaders(): string[] {
    return [this.plan.coordination.coordinator, ...this.plan.coordination.deputies];
  }

  isLeader(personId: string): boolean {
    return this.leaders.includes(personId);
  }

  situation(id: SituationId): Situation {
    return this.plan.situations[id];
  }

  service(situation: SituationId, serviceId: string): PlanService | undefined {
    return this.plan.situations[situation].services.find((s) => s.id === serviceId);
  }

  location(id: string): FallbackLocation | undefined {
    return this.plan.fallbackLocations.find((l) => l.id === id);
  }

  functionsOf(personId: string): CrisisFunction[] {
    return this.plan.functions.filter(
      (f) => f.holder === personId || f.alternates.includes(personId),
    );
  }
}
