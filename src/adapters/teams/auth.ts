// Teams with an app id: how Ramp checks the Bot Framework token on each request to
// /api/messages, and how it gets its own tokens for the Bot Connector. Everything goes through
// botbuilder's own configuration (ConfigurationBotFrameworkAuthentication); the endpoints are
// the public cloud's unless MICROSOFT_LOGIN_URL & co. name others (a national cloud).
import {
  type Activity,
  CallerIdConstants,
  type ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  ConfigurationServiceClientCredentialFactory,
} from "botbuilder";
import type { NextFunction, Request, Response } from "express";
import { PUBLIC_CLOUD, type TeamsConfig } from "../../config/env.ts";
import type { Logger } from "../../logging.ts";
import { ClientSecretCredentialsFactory } from "./credentials.ts";

/** botbuilder's settings: the app registration and, in full, the endpoints (see env.ts). */
export function botFrameworkSettings(
  config: TeamsConfig,
): ConfigurationBotFrameworkAuthenticationOptions {
  const registration = {
    MicrosoftAppId: config.appId ?? "",
    MicrosoftAppPassword: config.appPassword ?? "",
    MicrosoftAppTenantId: config.tenantId ?? "",
    // Unauthenticated (no app id) only works as "MultiTenant" with empty credentials: botbuilder
    // insists on an id for SingleTenant and MSI. botbuilder spells the MSI type "UserAssignedMsi".
    MicrosoftAppType: !config.appId
      ? "MultiTenant"
      : config.appType === "UserAssignedMSI"
        ? "UserAssignedMsi"
        : config.appType,
  };
  if (!config.appId) return registration;
  const { endpoints } = config;
  const publicCloud =
    endpoints.openIdMetadataUrl === PUBLIC_CLOUD.openIdMetadataUrl &&
    endpoints.tokenIssuer === PUBLIC_CLOUD.tokenIssuer &&
    endpoints.scope === PUBLIC_CLOUD.scope &&
    endpoints.loginUrl.startsWith(`${PUBLIC_CLOUD.loginHost}/`);
  // Once one endpoint is given, botbuilder takes all of them from these settings.
  return {
    ...registration,
    ToChannelFromBotLoginUrl: endpoints.loginUrl,
    ToChannelFromBotOAuthScope: endpoints.scope,
    ToBotFromChannelOpenIdMetadataUrl: endpoints.openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: endpoints.tokenIssuer,
    ToBotFromEmulatorOpenIdMetadataUrl:
      "https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration",
    // The user token service (sign-in cards): Ramp does not use it.
    OAuthUrl: PUBLIC_CLOUD.scope,
    ValidateAuthority: true,
    // What botbuilder sets as activity.callerId for the public cloud; none for another cloud.
    CallerId: publicCloud ? CallerIdConstants.PublicAzureChannel : "",
  };
}

/**
 * Where Ramp's tokens come from: the app registration's client secret (SingleTenant,
 * MultiTenant), or the managed identity (UserAssignedMSI, botbuilder's own: Azure's identity
 * endpoint of the machine, IDENTITY_ENDPOINT or IMDS).
 */
export function credentialsFactory(
  config: TeamsConfig,
  settings: ConfigurationBotFrameworkAuthenticationOptions,
) {
  if (config.appId && config.appPassword && config.appType !== "UserAssignedMSI")
    return new ClientSecretCredentialsFactory(config.appId, config.appPassword);
  return new ConfigurationServiceClientCredentialFactory(settings);
}

/**
 * Refuses a request to /api/messages whose Bot Framework token botbuilder does not accept, with
 * 401 and one log line, before anything reads the activity. botbuilder alone would answer 500
 * (with a stack trace on stderr) for a token with a bad signature, and 401 only for the rest.
 * A token that cannot be checked now (the OpenID metadata unreachable) gets 503: Teams tries again.
 */
export function requireBotFrameworkToken(
  authentication: ConfigurationBotFrameworkAuthentication,
  logger: Logger,
) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const header = req.headers.authorization ?? "";
    const activity = (req.body ?? {}) as Activity;
    const refuse = (status: 401 | 503, reason: string) => {
      logger.warn({ ip: req.ip, type: activity.type, reason }, "Teams request refused");
      res.status(status).json({
        error:
          status === 401
            ? "Unauthorized: a valid Bot Framework token is required"
            : "The Bot Framework token cannot be checked now; try again",
      });
    };
    // Without a bearer token there is nothing to verify (and botbuilder would log a stack trace).
    if (!/^Bearer \S+$/.test(header)) return refuse(401, "no bearer token");
    try {
      await authentication.authenticateRequest(activity, header);
    } catch (error) {
      const e = error as { name?: string; message?: string; statusCode?: number };
      const tokenProblem =
        e.statusCode === 401 ||
        ["JsonWebTokenError", "TokenExpiredError", "NotBeforeError"].includes(e.name ?? "");
      return refuse(tokenProblem ? 401 : 503, e.message ?? String(error));
    }
    next();
  };
}
