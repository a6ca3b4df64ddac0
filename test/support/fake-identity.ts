// A fake of Microsoft's identity services on 127.0.0.1, for Teams with an app id:
//
//   GET  /v1/.well-known/openidconfiguration   the Bot Framework's OpenID metadata (→ jwks_uri)
//   GET  /v1/keys                              its signing keys (JWKS, endorsed for msteams)
//   POST /{tenant}/oauth2/v2.0/token           Entra ID: access tokens for the bot (client credentials)
//   GET  /metadata/identity/oauth2/token       IMDS: access tokens for a managed identity
//
// It signs what the Teams channel service would send Ramp (channelToken(), with every way such
// a token can be wrong) and checks what Ramp sends the connector (verifyAccessToken(), used by
// the fake connector). One RSA key signs everything; a second key, never published, makes
// tokens "signed with the wrong key".
import {
  createSign,
  createVerify,
  generateKeyPairSync,
  type KeyObject,
  type KeyPairKeyObjectResult,
  randomUUID,
} from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { LoopbackServer } from "./loopback-server.ts";

export interface FakeIdentityOptions {
  appId: string;
  /** The client secret the token endpoint accepts (none: only the managed identity gets tokens). */
  appSecret?: string;
  /** Seconds an access token for Ramp is valid (Entra: about an hour). */
  accessTokenSeconds?: number;
}

/** One request to the token endpoint (client credentials) or to IMDS. */
export interface TokenRequest {
  kind: "client-credentials" | "managed-identity";
  tenant: string | null;
  clientId: string;
  scope: string;
  /** What the fake answered. */
  status: number;
}

/** How a channel token may be wrong, for the refusal tests. */
export interface ChannelTokenOptions {
  serviceUrl: string;
  audience?: string;
  issuer?: string;
  /** Seconds from now; negative: expired that long ago. */
  expiresIn?: number;
  /** "other": signed with a key the metadata does not publish (under the published key id). */
  key?: "published" | "other" | "none";
  channelId?: string;
}

export class FakeIdentity extends LoopbackServer {
  readonly tokenRequests: TokenRequest[] = [];
  /** While set, the token endpoint (and IMDS) answers 503, as during an Entra ID outage. */
  down = false;
  private readonly keys = signingKeys();
  private readonly key = this.keys.published;
  private readonly otherKey = this.keys.other;
  private readonly keyId = this.keys.id;
  /** Distinguishes this fake's tokens (its connector's audience) from another fake's. */
  private readonly instance = randomUUID().slice(0, 8);

  private constructor(private readonly options: FakeIdentityOptions) {
    super();
  }

  static async start(options: FakeIdentityOptions): Promise<FakeIdentity> {
    const fake = new FakeIdentity(options);
    await fake.listen();
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** MICROSOFT_BOT_OPENID_METADATA_URL: where Ramp finds the keys the channel signs with. */
  get openIdMetadataUrl(): string {
    return `${this.url}/v1/.well-known/openidconfiguration`;
  }

  /** MICROSOFT_BOT_TOKEN_ISSUER: the issuer of the tokens the channel sends. */
  get channelIssuer(): string {
    return `${this.url}/botframework`;
  }

  /** MICROSOFT_BOT_SCOPE: the audience of Ramp's own tokens, which the connector accepts. */
  get connectorAudience(): string {
    return `api://fake-connector-${this.instance}`;
  }

  /** MICROSOFT_LOGIN_URL for a tenant: the authority Ramp asks for its tokens. */
  loginUrl(tenant = "botframework.com"): string {
    return `${this.url}/${tenant}`;
  }

  /** The environment pointing Ramp's Teams adapter at this fake (with the app id and secret). */
  env(tenant?: string): Record<string, string> {
    return {
      MICROSOFT_LOGIN_URL: this.loginUrl(tenant),
      MICROSOFT_BOT_SCOPE: this.connectorAudience,
      MICROSOFT_BOT_OPENID_METADATA_URL: this.openIdMetadataUrl,
      MICROSOFT_BOT_TOKEN_ISSUER: this.channelIssuer,
    };
  }

  /** A token as the Teams channel service signs it for a request to Ramp. */
  channelToken(options: ChannelTokenOptions): string {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: options.issuer ?? this.channelIssuer,
      aud: options.audience ?? this.options.appId,
      serviceurl: options.serviceUrl,
      nbf: now - 60,
      iat: now - 60,
      exp: now + (options.expiresIn ?? 3600),
    };
    if (options.key === "none")
      return `${encode({ alg: "none", typ: "JWT", kid: this.keyId })}.${encode(claims)}.`;
    const key = options.key === "other" ? this.otherKey : this.key;
    return sign(claims, this.keyId, key.privateKey);
  }

  /**
   * Why an Authorization header would not get past the Bot Connector, or null if it would:
   * a bearer token signed by this fake, for the connector's audience, not expired.
   */
  verifyAccessToken(header: string | undefined): string | null {
    const token = /^Bearer (\S+)$/.exec(header ?? "")?.[1];
    if (!token) return "no bearer token";
    const [head, body, signature] = token.split(".");
    if (!head || !body || !signature) return "not a signed JWT";
    const verifier = createVerify("RSA-SHA256");
    verifier.update(`${head}.${body}`);
    if (!verifier.verify(this.key.publicKey, Buffer.from(signature, "base64url")))
      return "signature does not match the identity service's key";
    const claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Record<
      string,
      unknown
    >;
    if (claims.aud !== this.connectorAudience) return `audience ${String(claims.aud)}`;
    if (claims.appid !== this.options.appId) return `app id ${String(claims.appid)}`;
    if (Number(claims.exp) <= Date.now() / 1000) return "expired";
    return null;
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.url);
    const answer = (status: number, json: unknown) => {
      res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify(json));
    };
    if (req.method === "GET" && url.pathname === "/v1/.well-known/openidconfiguration") {
      answer(200, {
        issuer: this.channelIssuer,
        authorization_endpoint: `${this.url}/v1/authorize`,
        jwks_uri: `${this.url}/v1/keys`,
        id_token_signing_alg_values_supported: ["RS256"],
        token_endpoint_auth_methods_supported: ["private_key_jwt"],
      });
      return;
    }
    if (req.method === "GET" && url.pathname === "/v1/keys") {
      const jwk = this.key.publicKey.export({ format: "jwk" });
      answer(200, {
        keys: [
          {
            kty: "RSA",
            use: "sig",
            kid: this.keyId,
            n: jwk.n,
            e: jwk.e,
            endorsements: ["msteams"],
          },
        ],
      });
      return;
    }
    const tokenPath = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(url.pathname);
    if (req.method === "POST" && tokenPath) {
      const form = new URLSearchParams(await readBody(req));
      const request = {
        kind: "client-credentials" as const,
        tenant: decodeURIComponent(tokenPath[1]!),
        clientId: form.get("client_id") ?? "",
        scope: form.get("scope") ?? "",
      };
      const refusal = this.down
        ? { status: 503, error: "temporarily_unavailable" }
        : form.get("grant_type") !== "client_credentials"
          ? { status: 400, error: "unsupported_grant_type" }
          : request.clientId !== this.options.appId ||
              !this.options.appSecret ||
              form.get("client_secret") !== this.options.appSecret
            ? { status: 401, error: "invalid_client" }
            : null;
      this.tokenRequests.push({ ...request, status: refusal?.status ?? 200 });
      if (refusal) {
        answer(refusal.status, { error: refusal.error, error_description: refusal.error });
        return;
      }
      const seconds = this.options.accessTokenSeconds ?? 3600;
      answer(200, {
        token_type: "Bearer",
        expires_in: seconds,
        ext_expires_in: seconds,
        access_token: this.accessToken(request.tenant, request.scope, seconds),
      });
      return;
    }
    // IMDS (Azure SDKs ask with a trailing slash).
    if (req.method === "GET" && /^\/metadata\/identity\/oauth2\/token\/?$/.test(url.pathname)) {
      const resource = url.searchParams.get("resource") ?? "";
      const clientId = url.searchParams.get("client_id") ?? "";
      const refusal = this.down
        ? 503
        : req.headers.metadata !== "true"
          ? 400
          : clientId !== this.options.appId
            ? 400
            : null;
      this.tokenRequests.push({
        kind: "managed-identity",
        tenant: null,
        clientId,
        scope: resource,
        status: refusal ?? 200,
      });
      if (refusal) {
        answer(refusal, { error: "invalid_request", error_description: `refused (${refusal})` });
        return;
      }
      const seconds = this.options.accessTokenSeconds ?? 3600;
      answer(200, {
        access_token: this.accessToken(null, resource, seconds),
        client_id: clientId,
        expires_in: String(seconds),
        expires_on: String(Math.floor(Date.now() / 1000) + seconds),
        ext_expires_in: String(seconds),
        not_before: String(Math.floor(Date.now() / 1000)),
        resource,
        token_type: "Bearer",
      });
      return;
    }
    answer(404, { error: "not_found", error_description: `${req.method} ${url.pathname}` });
  }

  /** An access token for Ramp (client id = app id) to call the connector with. */
  private accessToken(tenant: string | null, scope: string, seconds: number): string {
    const now = Math.floor(Date.now() / 1000);
    return sign(
      {
        iss: `${this.url}/${tenant ?? "managed-identity"}/v2.0`,
        aud: scope.replace(/\/\.default$/, ""),
        appid: this.options.appId,
        azp: this.options.appId,
        tid: tenant,
        iat: now,
        nbf: now,
        exp: now + seconds,
      },
      this.keyId,
      this.key.privateKey,
    );
  }
}

let keys: { id: string; published: KeyPair; other: KeyPair } | null = null;
type KeyPair = KeyPairKeyObjectResult;

/** RSA keys take a while to make: one pair per test process (each fake has its own audience). */
function signingKeys(): { id: string; published: KeyPair; other: KeyPair } {
  keys ??= {
    id: `fake-key-${randomUUID().slice(0, 8)}`,
    published: generateKeyPairSync("rsa", { modulusLength: 2048 }),
    other: generateKeyPairSync("rsa", { modulusLength: 2048 }),
  };
  return keys;
}

function encode(json: unknown): string {
  return Buffer.from(JSON.stringify(json)).toString("base64url");
}

function sign(claims: unknown, keyId: string, privateKey: KeyObject): string {
  const unsigned = `${encode({ alg: "RS256", typ: "JWT", kid: keyId })}.${encode(claims)}`;
  const signer = createSign("RSA-SHA256");
  signer.update(unsigned);
  return `${unsigned}.${signer.sign(privateKey).toString("base64url")}`;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
