/**
 * Demo personas: one or more people per sector and role, with stable ids that the
 * development issuer accepts (`POST /dev/token {"persona": "caseworker-kbh"}`).
 *
 * They are arranged around one story: a child in København (0101) whose course runs at
 * Børnehus Hovedstaden. caseworker-kbh, investigator-kbh, physician-rh,
 * coordinator-hovedstaden and psychologist-hovedstaden take part in the 0101 courses of
 * every generated world, so each of them has cases. caseworker-frb works in the
 * neighbouring municipality and must never see a København case; she has Frederiksberg's
 * courses instead, so the demo can show both sides of that wall.
 */
import type { Persona } from "./model.ts";

function persona(
  id: string,
  name: string,
  sector: Persona["sector"],
  organisation: string,
  roles: Persona["roles"],
  title: string,
): Persona {
  return { id, sub: `persona:${id}`, name, sector, organisation, roles, title };
}

export const PERSONAS: readonly Persona[] = [
  persona("caseworker-kbh", "Mette Lund", "MUNICIPALITY", "0101", ["caseworker"], "Myndighedsrådgiver, Københavns Kommune"),
  persona("caseworker-frb", "Rasmus Holm", "MUNICIPALITY", "0147", ["caseworker"], "Myndighedsrådgiver, Frederiksberg Kommune"),
  persona("leader-kbh", "Hanne Bech", "MUNICIPALITY", "0101", ["leader"], "Afdelingsleder, Børne- og ungerådgivningen, Københavns Kommune"),
  persona("dpo-kbh", "Anders Kjær", "MUNICIPALITY", "0101", ["dpo"], "Databeskyttelsesrådgiver, Københavns Kommune"),
  persona("investigator-kbh", "Jonas Vestergaard", "POLICE", "KBH", ["investigator"], "Efterforsker, Københavns Politi"),
  persona("leader-police-kbh", "Susanne Dam", "POLICE", "KBH", ["leader"], "Vicepolitiinspektør, Københavns Politi"),
  persona("physician-rh", "Line Østergaard", "HEALTH", "REGION_H", ["physician"], "Overlæge, børne- og ungeafdeling, Region Hovedstaden"),
  persona("leader-health-rh", "Peter Nissen", "HEALTH", "REGION_H", ["leader"], "Klinikchef, Region Hovedstaden"),
  persona("coordinator-hovedstaden", "Camilla Berg", "BOERNEHUS", "HOVEDSTADEN", ["coordinator"], "Koordinator, Børnehus Hovedstaden"),
  persona("psychologist-hovedstaden", "Søren Mogensen", "BOERNEHUS", "HOVEDSTADEN", ["psychologist"], "Psykolog, Børnehus Hovedstaden"),
  persona("leader-boernehus-hovedstaden", "Marianne Lauridsen", "BOERNEHUS", "HOVEDSTADEN", ["leader"], "Leder, Børnehus Hovedstaden"),
  persona("analyst-national", "Kasper Iversen", "NATIONAL", "SBST", ["analyst"], "Analytiker, Social- og Boligstyrelsen"),
  persona(
    "system-kbh",
    "Sagssystem, Københavns Kommune",
    "MUNICIPALITY",
    "0101",
    ["system"],
    "Kommunalt sagssystem (maskinklient), Københavns Kommune",
  ),
  persona(
    "system-police-kbh",
    "Politiets sagssystem, Københavns Politi",
    "POLICE",
    "KBH",
    ["system"],
    "Politiets sagssystem (maskinklient), Københavns Politi",
  ),
  persona(
    "system-rh",
    "Journalsystem, Region Hovedstaden",
    "HEALTH",
    "REGION_H",
    ["system"],
    "Patientjournalsystem (maskinklient), Region Hovedstaden",
  ),
  persona(
    "alerts-kbh",
    "Alarmtjeneste, Københavns Kommune",
    "MUNICIPALITY",
    "0101",
    ["system", "alerts"],
    "Kommunens alarmtjeneste (maskinklient): henter kun opfølgningsfakta for kommunens egne sager",
  ),
  persona(
    "alerts-frb",
    "Alarmtjeneste, Frederiksberg Kommune",
    "MUNICIPALITY",
    "0147",
    ["system", "alerts"],
    "Kommunens alarmtjeneste (maskinklient): henter kun opfølgningsfakta for kommunens egne sager",
  ),
  persona(
    "statistics-extractor",
    "Statistikudtræk, Social- og Boligstyrelsen",
    "NATIONAL",
    "SBST",
    ["system"],
    "Statistiktjenestens maskinklient: henter pseudonymiserede forløbsfakta, intet andet",
  ),
];

const BY_ID = new Map(PERSONAS.map((p) => [p.id, p]));

export function personaById(id: string): Persona | undefined {
  return BY_ID.get(id);
}

/** Like personaById, for ids that are part of this module's own contract. */
export function requirePersona(id: string): Persona {
  const p = BY_ID.get(id);
  if (!p) throw new Error(`unknown persona ${id}`);
  return p;
}
