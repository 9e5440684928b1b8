import { SCOPES, type Scope } from "./scopes.ts";

/**
 * Human names for the classifications, used by the access matrix (docs/access.md)
 * and by the web UI to say why a field is restricted.
 */
export const CLASSIFICATION: Record<Scope, { class: string; da: string; en: string }> = {
  [SCOPES.samraad]: { class: "SAMRAAD", da: "Kun sagens samrådsdeltagere", en: "Samråd participants only" },
  [SCOPES.municipalityInternal]: { class: "SECTOR-INTERNAL", da: "Kun kommunen", en: "Municipality only" },
  [SCOPES.policeInternal]: { class: "SECTOR-INTERNAL", da: "Kun politiet", en: "Police only" },
  [SCOPES.healthInternal]: { class: "SECTOR-INTERNAL", da: "Kun sundhedsvæsenet", en: "Health care only" },
  [SCOPES.boernehusInternal]: { class: "SECTOR-INTERNAL", da: "Kun børnehuset", en: "Børnehus only" },
  [SCOPES.findingsSummary]: {
    class: "NEED-TO-KNOW",
    da: "Kun sundhedsvæsenet, børnehuset og politiets efterforsker",
    en: "Health, børnehus and the police investigator only",
  },
  [SCOPES.finalNoteText]: { class: "NEED-TO-KNOW", da: "Kun børnehuset og kommunen", en: "Børnehus and municipality only" },
  [SCOPES.suspectRelation]: {
    class: "NEED-TO-KNOW",
    da: "Kun politiet, kommunen og børnehuset",
    en: "Police, municipality and børnehus only",
  },
  [SCOPES.familyMotivation]: { class: "NEED-TO-KNOW", da: "Kun børnehuset og kommunen", en: "Børnehus and municipality only" },
  [SCOPES.statistics]: { class: "STATISTICS", da: "Kun statistik (ledere og analytikere)", en: "Statistics only" },
  [SCOPES.statisticsExtract]: {
    class: "STATISTICS-EXTRACT",
    da: "Kun statistiktjenestens udtræk (pseudonymiseret)",
    en: "The statistics service's extraction only (pseudonymised)",
  },
  [SCOPES.followUpFacts]: {
    class: "ALERT-SCAN",
    da: "Kun kommunens alarmtjeneste (opfølgningsfrister)",
    en: "The municipality's alert worker only (follow-up deadlines)",
  },
  [SCOPES.surveyRespond]: {
    class: "SURVEY-LINK",
    da: "Kun den, der besvarer et spørgeskema via sit engangslink",
    en: "Only someone answering a survey through their single-use link",
  },
  [SCOPES.auditRead]: { class: "AUDIT", da: "Kun databeskyttelsesrådgiveren", en: "Data protection officer only" },
};
