/**
 * The GraphQL documents the bench sends. The case view and the case list are what the
 * web app's case panel and case list ask for: fields from all four sectors.
 */

/** (a) one case, all four sectors, as a samråd participant. */
export const CASE_VIEW = /* GraphQL */ `query BenchCaseView($id: ID!) {
  boernehusCase(id: $id) {
    id status region referralReceivedAt
    samraadMeetings { kind status scheduledAt actionItems { title owningSector status } decisions { activity decision } }
    finalNote { status recommendations { kind response { response } } }
    child { firstName lastName }
    referral { referredAt abuseTypes }
    caseworker { caseworkerName }
    policeReport { journalNumber videoInterviews { status scheduledAt } }
    medicalExaminations { kind unit findingsSummary }
  }
}`;

/**
 * (b) the same data straight from the subgraphs, in the query plan's order: the børnehus
 * first (it owns the case and issues the access grant), then the three sectors in
 * parallel with the grant. The critical path is børnehus + the slowest sector.
 */
export const DIRECT_BOERNEHUS = /* GraphQL */ `query BenchDirectBoernehus($id: ID!) {
  boernehusCase(id: $id) {
    __typename id accessGrant status region referralReceivedAt
    samraadMeetings { kind status scheduledAt actionItems { title owningSector status } decisions { activity decision } }
    finalNote { status recommendations { __typename id accessGrant kind } }
  }
}`;

export const DIRECT_MUNICIPALITY = /* GraphQL */ `query BenchDirectMunicipality($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on BoernehusCase { child { firstName lastName } referral { referredAt abuseTypes } caseworker { caseworkerName } }
    ... on Recommendation { response { response } }
  }
}`;

export const DIRECT_POLICE = /* GraphQL */ `query BenchDirectPolice($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on BoernehusCase { policeReport { journalNumber videoInterviews { status scheduledAt } } }
  }
}`;

export const DIRECT_HEALTH = /* GraphQL */ `query BenchDirectHealth($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on BoernehusCase { medicalExaminations { kind unit findingsSummary } }
  }
}`;

/** (c) a list of 500 cases with fields from all four subgraphs. */
export const CASE_LIST = /* GraphQL */ `query BenchCaseList($first: Int!) {
  boernehusCases(first: $first) {
    id status referralReceivedAt
    samraadMeetings { kind status }
    child { firstName lastName }
    referral { referredAt }
    caseworker { caseworkerName }
    policeReport { journalNumber }
    medicalExaminations { kind unit }
  }
}`;

/** Fixture: the cases a persona may open (case view targets). */
export const VISIBLE_CASES = /* GraphQL */ `query BenchVisibleCases($first: Int!) {
  boernehusCases(first: $first) { id status samraadMeetings { kind status } }
}`;

/** Fixture: a samråd meeting to record (not timed). */
export const PLAN_MEETING = /* GraphQL */ `mutation BenchPlanMeeting($input: PlanSamraadMeetingInput!) {
  planSamraadMeeting(input: $input) { id version }
}`;

/** (d) recording a samråd: held, minutes and the activity decisions (a write). */
export const RECORD_DECISIONS = /* GraphQL */ `mutation BenchRecordDecisions($input: RecordSamraadMeetingHeldInput!) {
  recordSamraadMeetingHeld(input: $input) { id status version decisions { activity decision responsibleSector } }
}`;

/** Fuzz fixture: the cases a leader sees, with their municipality (the oracle's "other municipality"). */
export const FUZZ_CASES = /* GraphQL */ `query BenchFuzzCases($first: Int!) {
  boernehusCases(first: $first) { id municipalityCode }
}`;

export const ALL_DOCUMENTS = [CASE_VIEW, CASE_LIST, VISIBLE_CASES, PLAN_MEETING, RECORD_DECISIONS, FUZZ_CASES];
