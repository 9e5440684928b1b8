/**
 * The five børnehuse, one per region. A børnehus's organisation code in principals is its
 * region ("HOVEDSTADEN"), so the region is the key here too.
 */
import type { Region } from "./model.ts";

export interface ChildrensHouse {
  /** Also the børnehus's organisation code, e.g. "HOVEDSTADEN". */
  region: Region;
  name: string;
  city: string;
}

export const CHILDRENS_HOUSES: readonly ChildrensHouse[] = [
  { region: "HOVEDSTADEN", name: "Børnehus Hovedstaden", city: "København" },
  { region: "SJAELLAND", name: "Børnehus Sjælland", city: "Næstved" },
  { region: "SYDDANMARK", name: "Børnehus Syd", city: "Odense" },
  { region: "MIDTJYLLAND", name: "Børnehus Midt", city: "Aarhus" },
  { region: "NORDJYLLAND", name: "Børnehus Nord", city: "Aalborg" },
];

export function childrensHouseFor(region: Region): ChildrensHouse {
  const house = CHILDRENS_HOUSES.find((h) => h.region === region);
  if (!house) throw new Error(`no børnehus for region ${region}`);
  return house;
}
