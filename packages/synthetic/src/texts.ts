/**
 * Short synthetic Danish free texts, assembled from templates. They read like the notes
 * professionals write, but refer only to "barnet", "mor", "far": never a name, never an
 * address, never anything about a real person.
 */
import type { OtherSupportKind, RecommendationKind } from "@samraad/access/vocabulary";
import type {
  AbuseType,
  Activity,
  BurdenLevel,
  CrisisRecipient,
  ExaminationKind,
  MeetingKind,
  NotificationSource,
  Region,
} from "./model.ts";
import type { Random } from "./random.ts";

const SOURCE_LEAD: Readonly<Record<NotificationSource, readonly string[]>> = {
  SCHOOL: ["Skolen underretter:", "Klasselæreren oplyser,", "Skolens AKT-lærer har henvendt sig:"],
  DAYCARE: ["Daginstitutionen underretter:", "Pædagogerne i institutionen oplyser,"],
  HEALTH_CARE: ["Sundhedsplejen underretter:", "Egen læge har underrettet:", "Skadestuen har underrettet:"],
  POLICE: ["Politiet har underrettet efter en anmeldelse:", "Politiet oplyser efter udrykning til hjemmet,"],
  FAMILY: ["Et familiemedlem har henvendt sig:", "Barnets bedsteforælder oplyser,"],
  ANONYMOUS: ["Anonym underretning:"],
  OTHER: ["Fritidsklubben underretter:", "Barnets træner har henvendt sig:"],
};

const CONCERN: Readonly<Record<AbuseType, readonly string[]>> = {
  PHYSICAL: [
    "barnet har blå mærker på overarmene og fortæller, at far slår, når han bliver vred.",
    "barnet er kommet med et mærke i ansigtet og siger, at det er sket derhjemme.",
    "barnet fortæller, at mor har slået med en bøjle.",
    "barnet virker bange for at gå hjem og har mærker på ryggen.",
  ],
  SEXUAL: [
    "barnet har fortalt en voksen om seksuelle krænkelser fra en person, det kender.",
    "barnet har en seksualiseret adfærd, som giver anledning til bekymring for overgreb.",
    "barnet har betroet sig til en veninde om uønskede seksuelle handlinger.",
  ],
  PSYCHOLOGICAL: [
    "barnet beskriver trusler og nedværdigende tale i hjemmet over længere tid.",
    "barnet har overværet vold mellem de voksne og er meget utrygt.",
    "barnet fortæller, at det bliver låst inde som straf.",
  ],
};

export function concernText(rng: Random, source: NotificationSource, types: readonly AbuseType[]): string {
  const main = rng.pick(CONCERN[rng.pick(types)]);
  return `${rng.pick(SOURCE_LEAD[source])} ${main}`;
}

const ACTIVITY_NAME: Readonly<Record<Activity, string>> = {
  VIDEO_INTERVIEW: "videoafhøring",
  MEDICAL_EXAMINATION: "lægelig undersøgelse",
  CRISIS_SUPPORT: "krisestøtte",
  ASSESSMENT: "udredning i børnehuset",
  SAFETY_PLAN: "sikkerhedsplan",
  POLICE_REPORT: "politianmeldelse",
  OTHER: "øvrige aftaler",
};

export function meetingAgenda(kind: MeetingKind, activities: readonly Activity[]): string {
  if (kind === "FOLLOW_UP") {
    return "Opfølgende samråd: gennemgang af afsluttende notat, kommunens opfølgning på anbefalingerne, status fra politiet.";
  }
  const items = activities.map((a) => ACTIVITY_NAME[a]).join(", ");
  return `Koordinerende samråd: sagens oplysninger, barnets sikkerhed, planlægning af ${items}.`;
}

export function meetingMinutes(rng: Random, kind: MeetingKind): string {
  if (kind === "FOLLOW_UP") {
    return rng.pick([
      "Børnehuset gennemgik notatets anbefalinger. Kommunen orienterede om sin opfølgning. Forløbet afsluttes.",
      "Anbefalingerne blev drøftet med kommunen. Familiens motivation blev drøftet. Forløbet afsluttes i børnehuset.",
      "Status fra alle sektorer. Kommunen tager stilling til støtte i den børnefaglige undersøgelse.",
    ]);
  }
  return rng.pick([
    "Sektorerne gennemgik de foreliggende oplysninger og aftalte rækkefølgen af aktiviteterne.",
    "Det blev vurderet, at barnet er trygt i den nuværende placering. Aktiviteterne blev fordelt.",
    "Politiet orienterede om sagen. Børnehuset tilbyder krisestøtte. Kommunen sikrer barnets tryghed indtil videre.",
  ]);
}

const DECISION: Readonly<Record<Activity, readonly string[]>> = {
  VIDEO_INTERVIEW: ["Politiet gennemfører videoafhøring i børnehuset.", "Videoafhøring bookes i børnehuset hurtigst muligt."],
  MEDICAL_EXAMINATION: ["Barnet undersøges lægeligt.", "Der bestilles lægelig undersøgelse."],
  CRISIS_SUPPORT: ["Børnehuset tilbyder krisesamtaler til barnet og de nærmeste omsorgspersoner."],
  ASSESSMENT: ["Børnehuset foretager en specialiseret udredning af barnet."],
  SAFETY_PLAN: ["Kommunen udarbejder en sikkerhedsplan sammen med familien og netværket."],
  POLICE_REPORT: ["Kommunen anmelder forholdet til politiet."],
  OTHER: ["Kommunen orienterer skolen om, hvordan barnet støttes i hverdagen."],
};

export function decisionText(rng: Random, activity: Activity): string {
  return rng.pick(DECISION[activity]);
}

const ACTION_ITEM: Readonly<Record<Activity, string>> = {
  VIDEO_INTERVIEW: "Book videoafhøring og orienter deltagerne",
  MEDICAL_EXAMINATION: "Bestil lægelig undersøgelse",
  CRISIS_SUPPORT: "Aftal første krisesamtale",
  ASSESSMENT: "Planlæg udredningsforløb",
  SAFETY_PLAN: "Udarbejd sikkerhedsplan med familien",
  POLICE_REPORT: "Indgiv politianmeldelse",
  OTHER: "Orienter skolen",
};

export function actionItemTitle(activity: Activity): string {
  return ACTION_ITEM[activity];
}

/** A unit name that names no real hospital: the region's paediatric or forensic service. */
export function examinationUnit(kind: ExaminationKind, region: Region): string {
  const regionName: Readonly<Record<Region, string>> = {
    HOVEDSTADEN: "Region Hovedstaden",
    SJAELLAND: "Region Sjælland",
    SYDDANMARK: "Region Syddanmark",
    MIDTJYLLAND: "Region Midtjylland",
    NORDJYLLAND: "Region Nordjylland",
  };
  const unit =
    kind === "FORENSIC"
      ? "Retsmedicinsk undersøgelsesenhed"
      : kind === "INITIAL_ASSESSMENT"
        ? "Akutmodtagelse, børn"
        : "Børne- og ungeafdeling";
  return `${unit}, ${regionName[region]}`;
}

export function findingsSummary(rng: Random, kind: ExaminationKind): string {
  if (kind === "INITIAL_ASSESSMENT")
    return rng.pick(["Alment upåvirket. Ingen akutte behov.", "Let påvirket. Henvist til videre vurdering."]);
  return rng.pick([
    "Ingen sikre fund.",
    "Fund forenelige med det oplyste.",
    "Ældre mærker, som ikke kan tidsfæstes sikkert.",
    "Fund kan hverken be- eller afkræfte det oplyste.",
  ]);
}

export function clinicalDetails(rng: Random, kind: ExaminationKind): string {
  if (kind === "FORENSIC")
    return rng.pick(["Beskrivelse af hudfund og fotodokumentation i journalen.", "Sporsikring foretaget; prøver sendt til analyse."]);
  return rng.pick([
    "Vækst og trivsel inden for normalområdet.",
    "Hæmatomer af forskellig alder på over- og underarme.",
    "Ingen tegn på frakturer.",
  ]);
}

export function crisisNotes(rng: Random, recipient: CrisisRecipient): string {
  if (recipient === "CAREGIVER")
    return rng.pick([
      "Samtale med mor om reaktioner hos barnet og hvordan hun kan støtte.",
      "Samtale med omsorgspersonen om søvn, tryghed og rutiner.",
      "Psykoedukation om krisereaktioner.",
    ]);
  return rng.pick([
    "Barnet var roligt og tegnede undervejs. Talte om tryghed.",
    "Samtale om søvnbesvær og uro. Aftalt ny samtale.",
    "Barnet fortalte om skolen og vennerne. Virkede lettet.",
  ]);
}

export function assessmentSummary(rng: Random, burden: BurdenLevel): string {
  const level = { LOW: "lettere belastet", MODERATE: "moderat belastet", HIGH: "betydeligt belastet" }[burden];
  return `${rng.pick(["Udredningen viser, at barnet er", "Samlet vurderes barnet at være"])} ${level}. ${rng.pick([
    "Barnet har brug for voksne, der kan hjælpe med at regulere følelser.",
    "Der ses tegn på traumereaktioner i hverdagen.",
    "Barnet trives i skolen, men har svært ved at sove.",
  ])}`;
}

const RECOMMENDATION: Readonly<Record<RecommendationKind, readonly string[]>> = {
  THERAPY: ["Traumefokuseret psykologbehandling til barnet.", "Samtaleforløb hos psykolog med fokus på traumebearbejdning."],
  FAMILY_TREATMENT: ["Familiebehandling med fokus på forældrenes omsorgsevne.", "Familieterapeutisk forløb i hjemmet."],
  PREVENTIVE_MEASURE: ["Forebyggende støtte i hverdagen, fx via skolen.", "Tilbud om gruppeforløb for børn med lignende oplevelser."],
  SAFETY_PLAN: ["Sikkerhedsplan med inddragelse af netværket.", "Tæt opfølgning på barnets sikkerhed i hjemmet."],
  PLACEMENT: ["Det bør overvejes, om barnet kan bo hjemme.", "Anbringelse uden for hjemmet bør vurderes."],
  CHILD_PSYCHIATRY: ["Henvisning til børne- og ungdomspsykiatrisk vurdering."],
  OTHER: ["Støtte til fritidsaktiviteter og netværk.", "Mentor i skolen."],
};

export function recommendationDescription(rng: Random, kind: RecommendationKind): string {
  return rng.pick(RECOMMENDATION[kind]);
}

export function finalNoteText(rng: Random, burden: BurdenLevel, recommendationCount: number): string {
  const level = { LOW: "let", MODERATE: "moderat", HIGH: "høj" }[burden];
  const close =
    recommendationCount === 0
      ? "Børnehuset vurderer ikke, at der er behov for særlig støtte ud over det, der allerede er iværksat."
      : `Børnehuset anbefaler ${recommendationCount === 1 ? "følgende støtte" : "følgende former for støtte"} til kommunens videre arbejde.`;
  return `${rng.pick([
    "Barnet har gennemført videoafhøring, krisesamtaler og udredning i børnehuset.",
    "Forløbet i børnehuset har omfattet samråd, krisestøtte og udredning.",
  ])} Belastningsgraden vurderes som ${level}. ${close}`;
}

/**
 * Other support than a measure, with its kind (seed 000 names three: alongside the course, early
 * preventive support, private treatment). Alongside and early preventive weigh 2 each, private 1:
 * the analysis has no register data on private treatment, so the municipality knows of it less.
 */
export function otherSupport(rng: Random): { kind: OtherSupportKind; text: string } {
  return rng.pick<{ kind: OtherSupportKind; text: string }>([
    { kind: "ALONGSIDE_COURSE", text: "Psykologforløb via skolens PPR, sideløbende med forløbet i børnehuset." },
    { kind: "ALONGSIDE_COURSE", text: "Samtaler hos kommunens familierådgivning under forløbet." },
    { kind: "EARLY_PREVENTIVE", text: "Støtte via sundhedsplejen og skolen." },
    { kind: "EARLY_PREVENTIVE", text: "Gruppeforløb i frivillig organisation." },
    { kind: "PRIVATE_TREATMENT", text: "Familien har selv iværksat privat psykologbehandling." },
  ]);
}

export function consultationSummary(rng: Random, withSector: "BOERNEHUS" | "POLICE"): string {
  if (withSector === "POLICE")
    return rng.pick(["Sparring om tidspunkt for orientering af forældrene.", "Drøftelse af barnets sikkerhed under efterforskningen."]);
  return rng.pick([
    "Sparring om barnets aktuelle trivsel og ændringer i familien.",
    "Drøftelse af, hvordan familiens motivation kan fastholdes.",
    "Orientering om nye oplysninger fra skolen.",
  ]);
}
