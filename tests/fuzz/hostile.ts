import fc from "fast-check";

/**
 * fast-check arbitraries for hostile requests to the gateway: malformed and abusive
 * operations, variables, bodies and headers. Each generated value is a plain
 * description of one HTTP request; runner.ts sends it and judges the answer.
 */

export interface HostileRequest {
  method: "GET" | "POST";
  /** A persona whose real token is sent, or a broken credential. */
  credential: { persona: string } | { broken: string } | { none: true };
  headers: Record<string, string>;
  /** GET: the query string; POST: the body text. */
  payload: string;
  /** What the request is, for reports ("deep nesting", "broken JSON"...). */
  kind: string;
}

const INJECTIONS = [
  "' OR 1=1 --",
  '\'; DROP TABLE "Child"; --',
  '" OR ""="',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, sent as it is
  "${7*7}",
  "{{7*7}}",
  "#{7*7}",
  "<script>alert(1)</script>",
  "../../../../etc/passwd",
  "\u0000",
  "%00",
  "\r\nSet-Cookie: x=y",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, sent as it is
  "${jndi:ldap://127.0.0.1/a}",
  "__proto__",
  "constructor",
  '{"$gt": ""}',
  "1e309",
  "-0",
  "NaN",
  "\uFEFF\u202E",
  "0101901234",
  "900415-4232",
];

const printable = (max: number) => fc.stringMatching(new RegExp(`^[\\x20-\\x7e]{0,${max}}$`));

/** What the fuzzer knows about the target: whom it can be, and what exists there. */
export interface FuzzContext {
  personas: readonly string[];
  /** Ids of cases that exist, mixed in among hostile values so the access rules are tried on real cases. */
  caseIds?: readonly string[];
  /** Registered (trusted) documents by hash: sent by hash, with hostile variables, as the web app sends them. */
  trustedHashes?: readonly string[];
}

export function hostileString(context: Pick<FuzzContext, "caseIds"> = {}): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 3, arbitrary: fc.constantFrom(...INJECTIONS) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
    { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 200_000 }).map((n) => "x".repeat(n)) },
    { weight: 2, arbitrary: fc.uuid() },
    ...(context.caseIds?.length ? [{ weight: 4, arbitrary: fc.constantFrom(...context.caseIds) }] : []),
  );
}

/** Any JSON-ish value a variable could be given: wrong types, deep nesting, huge strings, real ids. */
export function hostileValue(context: Pick<FuzzContext, "caseIds"> = {}): fc.Arbitrary<unknown> {
  const strings = hostileString(context);
  return fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      strings,
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie("value"), { maxLength: 5 }),
      fc.dictionary(
        fc.oneof(
          fc.constantFrom("id", "caseId", "meetingId", "cpr", "firstName", "status", "childId", "municipalityCode", "__proto__"),
          fc.string({ maxLength: 10 }),
        ),
        tie("value"),
        { maxKeys: 5 },
      ),
    ),
  })).value;
}

const deeplyNested = fc.integer({ min: 1, max: 150 }).map((depth) => {
  let selection = "id";
  for (let i = 0; i < depth; i++) selection = `referrals { child { ${selection} } }`;
  return `query Deep($id: ID!) { boernehusCase(id: $id) { child { ${selection} } } }`;
});

const nestedObjectVariable = fc.integer({ min: 10, max: 5_000 }).map((depth) => {
  // Built as text: a value this deep would overflow a recursive JSON.stringify.
  return `{"query":"query($f: CaseFilter) { boernehusCases(filter: $f) { id } }","variables":{"f":${'{"a":'.repeat(depth)}1${"}".repeat(depth)}}}`;
});

const aliasFlood = fc
  .integer({ min: 1, max: 400 })
  .map((n) => Array.from({ length: n }, (_, i) => `a${i}: boernehusCases(first: 500) { id child { firstName } }`).join(" "));

const directiveFlood = fc.integer({ min: 1, max: 300 }).map((n) => `{ boernehusCases { id ${"@include(if: true) ".repeat(n)} } }`);

const fragmentCycle = fc.constant(
  "query { boernehusCases { ...A } } fragment A on BoernehusCase { id ...B } fragment B on BoernehusCase { status ...A }",
);

/** Real operations of the graph, whose variables the fuzzer fills with anything. */
export const OPERATIONS = [
  `query CaseView($id: ID!) { boernehusCase(id: $id) { id status region child { firstName lastName cpr } referral { referredAt abuseTypes }
    policeReport { journalNumber } medicalExaminations { kind findingsSummary clinicalDetails } samraadMeetings { kind actionItems { title } }
    finalNote { status } } }`,
  `query Cases($filter: CaseFilter, $first: Int) { boernehusCases(filter: $filter, first: $first) { id status child { firstName cpr } } }`,
  `query Meeting($id: ID!) { samraadMeeting(id: $id) { id agenda minutes participants { name role } } }`,
  `mutation Register($input: RegisterChildInput!) { registerChild(input: $input) { id cpr firstName } }`,
  `mutation Notify($input: RecordNotificationInput!) { recordNotification(input: $input) { id concern } }`,
  `query Typename { __typename }`,
  `query Schema { __schema { types { name fields { name } } } }`,
];

/** A valid operation with one stretch of its text replaced by something else. */
const mutatedOperation = fc
  .tuple(
    fc.constantFrom(...OPERATIONS),
    fc.nat(),
    fc.nat({ max: 20 }),
    fc.oneof(hostileString(), fc.constantFrom("{", "}", "(", ")", "$", "@", "...", "#", '"')),
  )
  .map(([op, at, length, insert]) => {
    const start = at % op.length;
    return op.slice(0, start) + insert + op.slice(start + length);
  });

export const hostileDocument: fc.Arbitrary<{ document: string; kind: string }> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...OPERATIONS).map((document) => ({ document, kind: "real operation" })) },
  { weight: 3, arbitrary: mutatedOperation.map((document) => ({ document, kind: "mutated operation" })) },
  { weight: 1, arbitrary: deeplyNested.map((document) => ({ document, kind: "deep nesting" })) },
  { weight: 1, arbitrary: aliasFlood.map((document) => ({ document: `{ ${document} }`, kind: "alias flood" })) },
  { weight: 1, arbitrary: directiveFlood.map((document) => ({ document, kind: "directive flood" })) },
  { weight: 1, arbitrary: fragmentCycle.map((document) => ({ document, kind: "fragment cycle" })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 300 }).map((document) => ({ document, kind: "garbage document" })) },
);

const VARIABLE_NAMES = ["id", "caseId", "meetingId", "filter", "first", "input"] as const;

const brokenCredential = fc.oneof(
  fc.constant(""),
  printable(200).map((s) => `Bearer ${s}`),
  fc.constant("Basic dXNlcjpwYXNz"),
  // An unsigned token (alg none) claiming to be a DPO.
  fc.constant(
    `Bearer ${Buffer.from('{"alg":"none","typ":"JWT"}').toString("base64url")}.${Buffer.from(
      '{"iss":"https://dev-issuer.samraad.local","aud":"samraad","sub":"x","sector":"NATIONAL","organisation":"SBST","roles":["dpo"]}',
    ).toString("base64url")}.`,
  ),
  fc.integer({ min: 1_000, max: 16_000 }).map((n) => `Bearer ${"a".repeat(n)}`),
);

/** One hostile HTTP request to the gateway, for the given personas and what exists there. */
export function hostileRequest(context: FuzzContext): fc.Arbitrary<HostileRequest> {
  const value = hostileValue(context);
  const strings = hostileString(context);
  // Sometimes well-formed (a real case id, a sane page size), so the operations get past
  // validation and the access rules have to decide.
  const plausible = fc.record(
    {
      id: context.caseIds?.length ? fc.constantFrom(...context.caseIds) : fc.uuid(),
      caseId: context.caseIds?.length ? fc.constantFrom(...context.caseIds) : fc.uuid(),
      first: fc.integer({ min: -5, max: 600 }),
    },
    { requiredKeys: [] },
  );
  const variables: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 4, arbitrary: fc.dictionary(fc.constantFrom(...VARIABLE_NAMES), value, { maxKeys: 4 }) },
    { weight: 3, arbitrary: plausible },
    { weight: 1, arbitrary: value },
  );
  const hashes = context.trustedHashes ?? [];
  /** The body of a POST, as text: mostly GraphQL requests, some broken on purpose. */
  const body: fc.Arbitrary<{ text: string; kind: string }> = fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .record({
          doc: hostileDocument,
          variables,
          operationName: fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: strings }),
        })
        .map(({ doc, variables, operationName }) => ({
          text: JSON.stringify({ query: doc.document, variables, operationName }),
          kind: doc.kind,
        })),
    },
    ...(hashes.length
      ? [
          {
            // A registered operation, as the web app sends it, with anything for variables.
            weight: 8,
            arbitrary: fc.record({ hash: fc.constantFrom(...hashes), variables }).map(({ hash, variables }) => ({
              text: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } }, variables }),
              kind: "registered operation",
            })),
          },
          {
            // A registered hash with a document of one's own beside it.
            weight: 1,
            arbitrary: fc.record({ hash: fc.constantFrom(...hashes), doc: hostileDocument }).map(({ hash, doc }) => ({
              text: JSON.stringify({ query: doc.document, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
              kind: "registered hash with own document",
            })),
          },
        ]
      : []),
    { weight: 1, arbitrary: nestedObjectVariable.map((text) => ({ text, kind: "deeply nested variables" })) },
    {
      weight: 1,
      arbitrary: fc
        .record({ query: value, variables: value, extensions: value })
        .map((shape) => ({ text: JSON.stringify(shape), kind: "wrong field types" })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom(...OPERATIONS), fc.nat()).map(([op, cut]) => {
        const whole = JSON.stringify({ query: op, variables: {} });
        return { text: whole.slice(0, cut % whole.length), kind: "broken JSON" };
      }),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((text) => ({ text, kind: "not JSON" })) },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.constantFrom(...OPERATIONS), { minLength: 1, maxLength: 30 })
        .map((ops) => ({ text: JSON.stringify(ops.map((query) => ({ query }))), kind: "batch" })),
    },
    {
      weight: 1,
      arbitrary: strings.map((hash) => ({
        text: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
        kind: "unknown persisted hash",
      })),
    },
  );
  const credential = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...context.personas).map((persona) => ({ persona })) },
    { weight: 2, arbitrary: brokenCredential.map((broken) => ({ broken })) },
    { weight: 1, arbitrary: fc.constant({ none: true as const }) },
  );
  const headers = fc.record(
    {
      "content-type": fc.oneof(
        { weight: 6, arbitrary: fc.constant("application/json") },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "application/json; charset=utf-16",
          ),
        },
        { weight: 1, arbitrary: printable(60) },
      ),
      // Mostly non-streaming; "*/*" lets a registered subscription stream (judgeStream, runner.ts).
      accept: fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom("application/json", "application/graphql-response+json", "*/*") },
        { weight: 1, arbitrary: fc.constantFrom("application/xml", "text/html", "") },
      ),
      "x-request-id": printable(300),
      "x-samraad-purpose": printable(400),
      "x-samraad-csrf": fc.constant("1"),
      "x-samraad-internal": printable(200),
      traceparent: printable(80),
    },
    { requiredKeys: ["content-type"] },
  );
  const getPayload = fc.oneof(
    fc.record({ doc: hostileDocument, variables }).map(({ doc, variables }) => ({
      payload: new URLSearchParams({ query: doc.document, variables: JSON.stringify(variables) ?? "" }).toString(),
      kind: `GET ${doc.kind}`,
    })),
    ...(hashes.length
      ? [
          fc.record({ hash: fc.constantFrom(...hashes), variables }).map(({ hash, variables }) => ({
            payload: new URLSearchParams({
              extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }),
              variables: JSON.stringify(variables) ?? "",
            }).toString(),
            kind: "GET registered operation",
          })),
        ]
      : []),
  );
  return fc.oneof(
    {
      weight: 9,
      arbitrary: fc.record({ credential, headers, body }).map(({ credential, headers, body }) => ({
        method: "POST" as const,
        credential,
        headers,
        payload: body.text,
        kind: body.kind,
      })),
    },
    {
      weight: 1,
      arbitrary: fc.record({ credential, headers, get: getPayload }).map(({ credential, headers, get }) => ({
        method: "GET" as const,
        credential,
        headers,
        payload: get.payload,
        kind: get.kind,
      })),
    },
  );
}
