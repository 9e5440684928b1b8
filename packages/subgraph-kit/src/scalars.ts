import { GraphQLError, GraphQLScalarType, Kind } from "graphql";

/** ISO 8601 date-time, always serialised in UTC. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: "DateTime",
  description: "An ISO 8601 date-time, e.g. 2026-03-01T09:00:00.000Z",
  serialize(value) {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new GraphQLError("DateTime cannot represent an invalid date.");
    return date.toISOString();
  },
  parseValue(value) {
    return parseDate(value);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw invalid();
    return parseDate(ast.value);
  },
});

/** A calendar date (YYYY-MM-DD), e.g. a birth date: no time zone games. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: "Date",
  description: "A calendar date, YYYY-MM-DD",
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return String(value);
  },
  parseValue(value) {
    return parseCalendarDate(value);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING)
      throw new GraphQLError("Date must be a string like 2015-04-30.", { extensions: { code: "BAD_USER_INPUT" } });
    return parseCalendarDate(ast.value);
  },
});

function invalid() {
  return new GraphQLError("DateTime must be an ISO 8601 string like 2026-03-01T09:00:00Z.", { extensions: { code: "BAD_USER_INPUT" } });
}

function parseDate(value: unknown): Date {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(Date.parse(value))) throw invalid();
  return new Date(value);
}

function parseCalendarDate(value: unknown): string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new GraphQLError("Date must be a calendar date like 2015-04-30.", { extensions: { code: "BAD_USER_INPUT" } });
  }
  return value;
}
