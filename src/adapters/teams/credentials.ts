// Ramp's own tokens for the Bot Connector (replies, proactive pages, card updates, roster
// look-ups), with the app registration's client secret: the OAuth 2.0 client credentials grant
// against the configured authority, as the Bot Framework documents it
// (POST {authority}/oauth2/v2.0/token, scope {connector}/.default).
//
// botbuilder's own factory hands this to MSAL, which only accepts https authorities it can
// confirm with login.microsoftonline.com's instance discovery: no test double could stand in
// for Entra ID, and the path production takes could never run in a test. This is botbuilder's
// extension point for credentials (a ServiceClientCredentialsFactory), and the same code runs
// against Microsoft and against the fake identity service in the tests.
import type { TeamsAdapter } from "@microsoft/teams-ai";

type CredentialsFactory = NonNullable<ConstructorParameters<typeof TeamsAdapter>[1]>;
type Credentials = Awaited<ReturnType<CredentialsFactory["createCredentials"]>>;
type WebResource = Parameters<Credentials["signRequest"]>[0];

/** Renewed this long before it expires, so no request goes out with a token about to lapse. */
const EARLY_RENEWAL_MS = 5 * 60_000;
/** A token endpoint that does not answer is given up on after this long (the outbox retries). */
const TOKEN_TIMEOUT_MS = 10_000;

interface CachedToken {
  value: string;
  renewAt: number;
}

export class TokenRequestError extends Error {
  constructor(
    message: string,
    /**
     * The token endpoint's HTTP status; undefined when it could not be reached. Not named
     * statusCode: that would read as the connector's answer (a 404 there is permanent).
     */
    readonly tokenStatus?: number,
  ) {
    super(message);
    this.name = "TokenRequestError";
  }
}

export class ClientSecretCredentialsFactory implements CredentialsFactory {
  /** By authority and scope; a request in flight is shared, so a burst of deliveries asks once. */
  private readonly tokens = new Map<string, Promise<CachedToken>>();

  constructor(
    private readonly appId: string,
    private readonly secret: string,
  ) {}

  async isValidAppId(appId: string): Promise<boolean> {
    return appId === this.appId;
  }

  async isAuthenticationDisabled(): Promise<boolean> {
    return false;
  }

  async createCredentials(appId: string, audience: string, loginEndpoint: string) {
    if (appId !== this.appId) throw new Error(`Invalid app id for Teams credentials: ${appId}`);
    const token = () => this.token(loginEndpoint, audience);
    return {
      async signRequest(webResource: WebResource): Promise<WebResource> {
        webResource.headers.set("authorization", `Bearer ${await token()}`);
        return webResource;
      },
    } satisfies Credentials;
  }

  private async token(authority: string, audience: string): Promise<string> {
    const key = `${authority} ${audience}`;
    const known = this.tokens.get(key);
    const token = known ? await known.catch(() => null) : null;
    if (token && token.renewAt > Date.now()) return token.value;
    // Expired or failed: asked again, unless another caller already did meanwhile.
    let pending = this.tokens.get(key);
    if (pending === known) {
      pending = this.request(authority, audience);
      this.tokens.set(key, pending);
    }
    return (await pending!).value;
  }

  private async request(authority: string, audience: string): Promise<CachedToken> {
    const url = `${authority.replace(/\/+$/, "")}/oauth2/v2.0/token`;
    const scope = audience.endsWith("/.default") ? audience : `${audience}/.default`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "client_credentials",
          client_id: this.appId,
          client_secret: this.secret,
          scope,
        }),
        signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
      });
    } catch (error) {
      throw new TokenRequestError(
        `Teams: no token from ${url}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const body = (await response.json().catch(() => ({}))) as {
      access_token?: string;
      expires_in?: number | string;
      error?: string;
      error_description?: string;
    };
    if (!response.ok || typeof body.access_token !== "string") {
      const why = body.error_description ?? body.error ?? "no access_token in the answer";
      throw new TokenRequestError(
        `Teams: no token from ${url} (${response.status}): ${why}`,
        response.status,
      );
    }
    const seconds = Number(body.expires_in);
    const lifetimeMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 3_600_000;
    return {
      value: body.access_token,
      renewAt: Date.now() + Math.max(lifetimeMs - EARLY_RENEWAL_MS, lifetimeMs / 2),
    };
  }
}
