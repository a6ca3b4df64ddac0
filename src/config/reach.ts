// How people reach this Ramp, as the crisis card prints it: from the configuration.
import type { RampReach } from "../core/plan-document/build.ts";
import type { Config } from "./env.ts";

export function rampReach(config: Config): RampReach {
  const host = config.host === "0.0.0.0" ? "127.0.0.1" : config.host;
  return {
    webUrl: config.web.publicUrl ?? `http://${host}:${config.port}`,
    slack: config.slack !== null,
    teams: config.teams !== null,
    sms: config.sms !== null,
  };
}
