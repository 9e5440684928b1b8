/**
 * The 98 Danish municipalities with their official four-digit codes (kommunekoder) and
 * regions. The child counts are approximate: population around 2023 (in thousands, rounded)
 * times the share of 0-17-year-olds (about 20.5% nationally; lower in København and
 * Frederiksberg, where many young adults live). They are only used for rates per 1,000
 * children and for spreading synthetic courses in proportion to where children live.
 */
import type { MunicipalityInfo, Region } from "./model.ts";

type Row = readonly [code: string, name: string, populationThousands: number];

const CHILD_SHARE = 0.205;
/** Cities with many students and young adults have fewer children per inhabitant. */
const CHILD_SHARE_OVERRIDES: Readonly<Record<string, number>> = { "0101": 0.165, "0147": 0.17 };

const BY_REGION: Readonly<Record<Region, readonly Row[]>> = {
  HOVEDSTADEN: [
    ["0101", "København", 654],
    ["0147", "Frederiksberg", 104],
    ["0151", "Ballerup", 52],
    ["0153", "Brøndby", 39],
    ["0155", "Dragør", 14.5],
    ["0157", "Gentofte", 75],
    ["0159", "Gladsaxe", 70],
    ["0161", "Glostrup", 24],
    ["0163", "Herlev", 30],
    ["0165", "Albertslund", 28],
    ["0167", "Hvidovre", 54],
    ["0169", "Høje-Taastrup", 57],
    ["0173", "Lyngby-Taarbæk", 57],
    ["0175", "Rødovre", 41],
    ["0183", "Ishøj", 23.5],
    ["0185", "Tårnby", 43.5],
    ["0187", "Vallensbæk", 17],
    ["0190", "Furesø", 41.5],
    ["0201", "Allerød", 26],
    ["0210", "Fredensborg", 41],
    ["0217", "Helsingør", 63],
    ["0219", "Hillerød", 52],
    ["0223", "Hørsholm", 25],
    ["0230", "Rudersdal", 57],
    ["0240", "Egedal", 44],
    ["0250", "Frederikssund", 46],
    ["0260", "Halsnæs", 31.5],
    ["0270", "Gribskov", 41.5],
    ["0400", "Bornholm", 39.5],
  ],
  SJAELLAND: [
    ["0253", "Greve", 51],
    ["0259", "Køge", 62],
    ["0265", "Roskilde", 90],
    ["0269", "Solrød", 23.5],
    ["0306", "Odsherred", 33],
    ["0316", "Holbæk", 72],
    ["0320", "Faxe", 37.5],
    ["0326", "Kalundborg", 49],
    ["0329", "Ringsted", 35.5],
    ["0330", "Slagelse", 79.5],
    ["0336", "Stevns", 23.5],
    ["0340", "Sorø", 30],
    ["0350", "Lejre", 29],
    ["0360", "Lolland", 40.5],
    ["0370", "Næstved", 84],
    ["0376", "Guldborgsund", 60],
    ["0390", "Vordingborg", 46],
  ],
  SYDDANMARK: [
    ["0410", "Middelfart", 39.5],
    ["0420", "Assens", 41],
    ["0430", "Faaborg-Midtfyn", 51.5],
    ["0440", "Kerteminde", 24],
    ["0450", "Nyborg", 32.5],
    ["0461", "Odense", 207],
    ["0479", "Svendborg", 59],
    ["0480", "Nordfyns", 29.5],
    ["0482", "Langeland", 12],
    ["0492", "Ærø", 6],
    ["0510", "Haderslev", 55.5],
    ["0530", "Billund", 27],
    ["0540", "Sønderborg", 74],
    ["0550", "Tønder", 37],
    ["0561", "Esbjerg", 115],
    ["0563", "Fanø", 3.5],
    ["0573", "Varde", 50],
    ["0575", "Vejen", 43],
    ["0580", "Aabenraa", 58.5],
    ["0607", "Fredericia", 52],
    ["0621", "Kolding", 94],
    ["0630", "Vejle", 120],
  ],
  MIDTJYLLAND: [
    ["0615", "Horsens", 97],
    ["0657", "Herning", 90],
    ["0661", "Holstebro", 59],
    ["0665", "Lemvig", 19.5],
    ["0671", "Struer", 20.5],
    ["0706", "Syddjurs", 43],
    ["0707", "Norddjurs", 37],
    ["0710", "Favrskov", 49.5],
    ["0727", "Odder", 23.5],
    ["0730", "Randers", 99],
    ["0740", "Silkeborg", 98],
    ["0741", "Samsø", 3.7],
    ["0746", "Skanderborg", 64],
    ["0751", "Aarhus", 362],
    ["0756", "Ikast-Brande", 42],
    ["0760", "Ringkøbing-Skjern", 56],
    ["0766", "Hedensted", 47],
    ["0779", "Skive", 46],
    ["0791", "Viborg", 97.5],
  ],
  NORDJYLLAND: [
    ["0773", "Morsø", 20],
    ["0787", "Thisted", 43],
    ["0810", "Brønderslev", 36.5],
    ["0813", "Frederikshavn", 58.5],
    ["0820", "Vesthimmerlands", 36],
    ["0825", "Læsø", 1.8],
    ["0840", "Rebild", 30.5],
    ["0846", "Mariagerfjord", 42],
    ["0849", "Jammerbugt", 38.5],
    ["0851", "Aalborg", 220],
    ["0860", "Hjørring", 64],
  ],
};

export const REGIONS: readonly Region[] = ["HOVEDSTADEN", "SJAELLAND", "SYDDANMARK", "MIDTJYLLAND", "NORDJYLLAND"];

/** All 98 municipalities, sorted by code. */
export const MUNICIPALITIES: readonly MunicipalityInfo[] = REGIONS.flatMap((region) =>
  BY_REGION[region].map(([code, name, thousands]) => ({
    code,
    name,
    region,
    children: Math.round((thousands * 1000 * (CHILD_SHARE_OVERRIDES[code] ?? CHILD_SHARE)) / 10) * 10,
  })),
).sort((a, b) => a.code.localeCompare(b.code));

const BY_CODE = new Map(MUNICIPALITIES.map((m) => [m.code, m]));

export function municipalityByCode(code: string): MunicipalityInfo | undefined {
  return BY_CODE.get(code);
}

/** The municipality's own name for itself, e.g. "Københavns Kommune", "Aarhus Kommune". */
export function municipalityDisplayName(code: string): string {
  if (code === "0101") return "Københavns Kommune";
  if (code === "0400") return "Bornholms Regionskommune";
  const m = BY_CODE.get(code);
  return m ? `${m.name} Kommune` : `Kommune ${code}`;
}
