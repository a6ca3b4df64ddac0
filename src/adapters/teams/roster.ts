// The Teams roster look-up behind identify(): who a Teams user id (29:…) is in the tenant (their
// object id, user principal name, e-mail). Teams throttles it (429) and has bad minutes (5xx);
// such a failure is retried a few times, briefly, and then said as such. It never becomes
// "you are not in the crisis plan" for someone who is.
import { type TurnContext, teamsGetTeamId } from "botbuilder";
import { RampError } from "../../core/errors.ts";

/** Attempts in all: Teams waits for the answer to a click, so the retries stay short. */
const ATTEMPTS = 3;
/** The longest Retry-After waited for; a longer one is given up on at once. */
const MAX_WAIT_MS = 2_000;
const BACKOFF_MS = [250, 750];

export interface RosterMember {
  aadObjectId?: string;
  userPrincipalName?: string;
  email?: string;
}

interface ConnectorClientLike {
  conversations: {
    getConversationMember(conversationId: string, userId: string): Promise<RosterMember>;
  };
}

interface ConnectorError {
  statusCode?: number;
  response?: { headers?: { get?: (name: string) => string | undefined } | Record<string, string> };
}

/**
 * The member of this conversation (of the team, in a channel) with the Teams user id; null when
 * Teams says there is none (404). Throws RampError("identity-unavailable") when Teams does not
 * answer after the retries.
 */
export async function rosterMember(
  context: TurnContext,
  userId: string,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<RosterMember | null> {
  const conversationId = teamsGetTeamId(context.activity) ?? context.activity.conversation.id;
  const client = await connectorClient(context);
  for (let attempt = 1; ; attempt++) {
    try {
      return await client.conversations.getConversationMember(conversationId, userId);
    } catch (error) {
      const status = (error as ConnectorError).statusCode;
      if (status === 404) return null;
      // Throttled, a server error, or no answer at all: worth another try.
      const transient = status === undefined || status === 429 || status >= 500;
      const wait = retryAfterMs(error) ?? BACKOFF_MS[attempt - 1] ?? MAX_WAIT_MS;
      if (!transient || attempt >= ATTEMPTS || wait > MAX_WAIT_MS) {
        throw new RampError("identity-unavailable", { platform: "Teams" });
      }
      await sleep(wait);
    }
  }
}

/**
 * A connector client for this turn's service URL, with Ramp's credentials, without the HTTP
 * pipeline's own retries: they would sleep through any Retry-After (and 1 + 2 + 4 s of
 * backoff on a 5xx) while Teams waits for the answer to a click.
 */
async function connectorClient(context: TurnContext): Promise<ConnectorClientLike> {
  const adapter = context.adapter as unknown as { ConnectorFactoryKey: symbol };
  const factory = context.turnState.get(adapter.ConnectorFactoryKey) as {
    create(serviceUrl: string, audience?: string): Promise<ConnectorClientLike>;
  };
  const client = await factory.create(context.activity.serviceUrl);
  (
    client as { client?: { pipeline?: { removePolicy(o: { name: string }): unknown } } }
  ).client?.pipeline?.removePolicy({ name: "defaultRetryPolicy" });
  return client;
}

function retryAfterMs(error: unknown): number | null {
  const headers = (error as ConnectorError).response?.headers;
  const raw =
    headers && typeof (headers as { get?: unknown }).get === "function"
      ? (headers as { get: (n: string) => string | undefined }).get("retry-after")
      : (headers as Record<string, string> | undefined)?.["retry-after"];
  const seconds = Number(raw);
  return raw !== undefined && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}
