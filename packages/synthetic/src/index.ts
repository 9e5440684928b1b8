export { type ReportedCaseload, reportedCaseloads, reportsCaseloads } from "./caseloads.ts";
export { CHILDRENS_HOUSES, type ChildrensHouse, childrensHouseFor } from "./childrensHouses.ts";
export { type CourseInput, daysBetween, generateCourse } from "./course.ts";
export { CPR_PATTERN, formatCpr } from "./cpr.ts";
export { COURSES_PER_YEAR, FIRST_COURSE_DATE, FOLLOW_THROUGH, LADDER, ladderStep, municipalityTraits } from "./distributions.ts";
export * from "./model.ts";
export { motivationRowsAt } from "./motivation.ts";
export { MUNICIPALITIES, municipalityByCode, municipalityDisplayName, REGIONS } from "./municipalities.ts";
export {
  forensicRegionFor,
  HEALTH_REGIONS,
  type HealthRegion,
  healthOrganisationFor,
  POLICE_DISTRICTS,
  type PoliceDistrict,
  policeDistrictByCode,
  policeDistrictFor,
} from "./organisations.ts";
export { PERSONAS, personaById, requirePersona } from "./personas.ts";
export { type AgeBand, type SyntheticPopulationRow, syntheticChildPopulation } from "./population.ts";
export { hashString, mix32, Random, type Weighted, WeightedTable } from "./random.ts";
export { listStaff, personaParticipantFor, type StaffKind, staffMember, staffOf } from "./staff.ts";
export { SURVEY_QUESTION_COUNTS } from "./surveys.ts";
export {
  courseWindow,
  DEFAULT_COURSES,
  DEFAULT_SEED,
  DEFAULT_UNTIL,
  DEMO_WORLD,
  type GenerateOptions,
  generateCourses,
  generateWorld,
  worldEnd,
} from "./world.ts";
