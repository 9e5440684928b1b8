import type { InternalClaims } from "@samraad/access";
import type { BaseContext, PseudonymKey, SectorConfig } from "@samraad/subgraph-kit";
import { type EndpointPolicy, endpointPolicy } from "./endpointAddress.ts";
import { type AlertDraft, AlertStore, type RawClient } from "./store.ts";
import { type AlertWorker, createAlertWorker } from "./worker.ts";

/**
 * What every sector with alerts (municipality, police, børnehus) is configured with, from
 * ALERT_VARIABLES in its src/config.ts (alertSettings below).
 */
export interface AlertSettings {
  alertScanEveryMs: number;
  /** Where webhooks may go: SAMRAAD_WEBHOOK_ALLOWED_NETWORKS (internal networks allowed), and production's https only. */
  webhookEndpoints: EndpointPolicy;
}

/** ALERT_VARIABLES (and NODE_ENV), parsed by a sector's config, as its alert settings. */
export function alertSettings(vars: {
  SAMRAAD_ALERT_SCAN_MINUTES: number | null;
  SAMRAAD_WEBHOOK_ALLOWED_NETWORKS: string[];
  NODE_ENV: { production: boolean };
}): AlertSettings {
  return {
    alertScanEveryMs: vars.SAMRAAD_ALERT_SCAN_MINUTES as number,
    webhookEndpoints: endpointPolicy(vars.SAMRAAD_WEBHOOK_ALLOWED_NETWORKS, vars.NODE_ENV.production),
  };
}

/**
 * A sector's background work (its app.ts `background`): its own alert scan, run at most every
 * alertScanEveryMs over all its replicas, and the webhook deliveries, timed by the service's
 * one clock. The sector says only what differs: the scan's name and what it finds.
 */
export function sectorAlertWorker(
  db: RawClient,
  settings: AlertSettings,
  scan: { name: string; now: () => Date; due(now: Date): Promise<AlertDraft[]> },
): AlertWorker {
  return createAlertWorker({
    store: new AlertStore(db, settings.webhookEndpoints),
    scanName: scan.name,
    scan: scan.due,
    now: scan.now,
    scanEveryMs: settings.alertScanEveryMs,
  });
}

/**
 * What every sector with alerts has on its request context beyond BaseContext: its data client
 * and loaders, its alert store and the statistics pseudonym key. Each sector's Context adds its own.
 */
export interface AlertingSectorContext<TDb, TLoaders> extends BaseContext {
  db: TDb;
  loaders: TLoaders;
  /** This sector's alerts and webhook deliveries (samraad_meta). */
  alerts: AlertStore;
  /** The statistics extraction's key (config, parsed at start); null: the extraction answers that it is not configured. */
  pseudonymKey: PseudonymKey | null;
}

/** That part of one request's context (a sector's app.ts `createContext`), from the verified claims and the config. */
export function alertingSectorContext<TDb extends RawClient, TLoaders>(
  claims: InternalClaims,
  db: TDb,
  loaders: TLoaders,
  config: SectorConfig & AlertSettings,
): InternalClaims & Pick<AlertingSectorContext<TDb, TLoaders>, "db" | "loaders" | "alerts" | "pseudonymKey"> {
  return { ...claims, db, loaders, alerts: new AlertStore(db, config.webhookEndpoints), pseudonymKey: config.pseudonymKey };
}
