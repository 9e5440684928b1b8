import type { CombinedError } from "urql";

/** A field the gateway refused (code UNAUTHORIZED), with the reason it gives in Danish and English. */
export interface Restriction {
  coordinate: string;
  classification: string;
  reason: string;
  reasonEn: string;
}

export type SectorName = "MUNICIPALITY" | "POLICE" | "HEALTH" | "BOERNEHUS";

/** The case fields each sector's subgraph adds: an error under one of them means that sector. */
const SECTOR_FIELDS: Record<string, SectorName> = {
  child: "MUNICIPALITY",
  referral: "MUNICIPALITY",
  childAssessment: "MUNICIPALITY",
  caseworker: "MUNICIPALITY",
  caseworkerHistory: "MUNICIPALITY",
  measures: "MUNICIPALITY",
  recommendationResponses: "MUNICIPALITY",
  municipalityClocks: "MUNICIPALITY",
  policeClocks: "POLICE",
  policeReport: "POLICE",
  medicalExaminations: "HEALTH",
  onwardReferrals: "HEALTH",
};
const SUBGRAPH_SECTOR: Record<string, SectorName> = {
  municipality: "MUNICIPALITY",
  police: "POLICE",
  health: "HEALTH",
  boernehus: "BOERNEHUS",
};

export interface ErrorPicture {
  /** Refused fields by schema coordinate (Type.field): a refusal holds for every row of the answer. */
  restrictions: Map<string, Restriction>;
  /** Sectors whose subgraph did not answer. */
  unavailable: Set<SectorName>;
  /** Anything else: shown as an error. */
  other: string[];
}

function sectorOf(error: { path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }): SectorName | null {
  const ext = error.extensions ?? {};
  for (const key of ["subgraph", "subgraphName", "serviceName"]) {
    const name = ext[key];
    if (typeof name === "string" && SUBGRAPH_SECTOR[name.toLowerCase()]) return SUBGRAPH_SECTOR[name.toLowerCase()] as SectorName;
  }
  const field = error.path?.find((p) => typeof p === "string" && SECTOR_FIELDS[p]);
  return typeof field === "string" ? (SECTOR_FIELDS[field] ?? null) : null;
}

/** Sorts a result's GraphQL errors into refused fields, unavailable sectors and the rest. */
export function pictureOf(error: CombinedError | undefined): ErrorPicture {
  const picture: ErrorPicture = { restrictions: new Map(), unavailable: new Set(), other: [] };
  if (!error) return picture;
  if (error.networkError) picture.other.push(error.networkError.message);
  for (const e of error.graphQLErrors) {
    const ext = (e.extensions ?? {}) as Record<string, unknown>;
    if (ext.code === "UNAUTHORIZED" && typeof ext.coordinate === "string") {
      picture.restrictions.set(ext.coordinate, {
        coordinate: ext.coordinate,
        classification: String(ext.classification ?? ""),
        reason: String(ext.reason ?? ""),
        reasonEn: String(ext.reasonEn ?? ""),
      });
      continue;
    }
    const sector = e.path && e.path.length > 1 ? sectorOf(e) : null;
    if (sector) picture.unavailable.add(sector);
    else picture.other.push(e.message);
  }
  return picture;
}

/** The first error of a failed mutation, as code + message for the catalogue. */
export function mutationError(error: CombinedError | undefined): { code: string; message: string } | null {
  if (!error) return null;
  const first = error.graphQLErrors[0];
  if (first) return { code: String(first.extensions?.code ?? "generic"), message: first.message };
  return { code: "generic", message: error.networkError?.message ?? error.message };
}
