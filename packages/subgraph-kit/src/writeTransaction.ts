import { MapperKind, mapSchema } from "@graphql-tools/utils";
import { defaultFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from "graphql";
import type { BaseContext } from "./context.ts";
import { DomainError, notFound } from "./errors.ts";
import { assertIdArguments } from "./idArguments.ts";
import { IDEMPOTENCY_KEY_ARGUMENT, runIdempotent, type SqlClient, validateIdempotencyKey } from "./idempotency.ts";

/**
 * Runs `work` in one database transaction, with the subgraph's request context rebuilt
 * on that transaction (data layer, loaders, row access all see the same snapshot and
 * the same single connection). Given per request by the server.
 */
export type WriteTransaction = <T>(work: (context: RequestData, sql: SqlClient) => Promise<T>) => Promise<T>;

/** A request context without what the server adds per request (the audit recorder, the keys, the log). */
export type RequestData = Omit<BaseContext, "audit" | "grantKeys" | "auditLog">;

export interface WriteContext extends BaseContext {
  writeTransaction: WriteTransaction;
}

/**
 * A write refused for access (NOT_FOUND: out of reach or absent; FORBIDDEN) is written to the
 * audit log as DENIED, with the case and child the input named (issue 19): an attempt on
 * someone else's case leaves a trace even though nothing changed.
 */
async function refusalsAudited<T>(
  context: BaseContext,
  typeName: string,
  fieldName: string,
  args: Record<string, unknown>,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const code = error instanceof DomainError ? error.extensions.code : undefined;
    if (typeof code === "string" && ACCESS_CODES.has(code)) {
      const input = (args.input ?? args) as Record<string, unknown>;
      const named = (key: string) => (typeof input[key] === "string" ? { [key]: input[key] } : {});
      context.audit.deny(typeName, fieldName, { ...named("caseId"), ...named("childId") });
    }
    throw error;
  }
}

type ReferenceResolver = (reference: unknown, context: unknown, info: GraphQLResolveInfo) => unknown;

/** Errors that mean "not yours (any more)": a replay that meets one is refused like the record is absent. */
const ACCESS_CODES = new Set(["NOT_FOUND", "FORBIDDEN", "UNAUTHENTICATED"]);

/**
 * A replay of an idempotency key re-checks access now (issue 19): the same key is no way to
 * get back a result the principal may no longer see.
 *  - When the result is an entity of this subgraph, it is resolved again through the
 *    entity's reference resolver, which applies this subgraph's row rules for the principal
 *    now; none → NOT_FOUND, else the first result is returned.
 *  - Otherwise the write is run again inside a savepoint, so every access check it makes is
 *    made again, and rolled back whatever happens: an access refusal (NOT_FOUND, FORBIDDEN)
 *    is the answer; any other refusal (already done, stale version) is what a replay expects,
 *    and the stored result is returned.
 */
async function recheckReplay<T>(
  stored: T,
  run: { write: () => Promise<T>; sql: SqlClient; context: BaseContext; info: GraphQLResolveInfo },
): Promise<T> {
  // Unwrapped by hand: graphql's own helpers refuse types built by another copy of the module.
  let type = run.info.returnType as unknown as { ofType?: unknown; name: string; extensions: unknown };
  while (type.ofType) type = type.ofType as typeof type;
  const resolveReference = (type.extensions as { apollo?: { subgraph?: { resolveReference?: ReferenceResolver } } })?.apollo?.subgraph
    ?.resolveReference;
  if (resolveReference && stored && typeof stored === "object") {
    const visible = await resolveReference({ __typename: type.name, ...(stored as object) }, run.context, run.info);
    if (!visible) throw notFound("The record");
    // Still the first result (docs/api.md: a retry returns what the first call returned); its
    // fields are resolved now, under today's field rules.
    return stored;
  }
  await run.sql.$executeRawUnsafe("SAVEPOINT idempotent_replay");
  try {
    await run.write();
  } catch (error) {
    const code = error instanceof DomainError ? error.extensions.code : undefined;
    await run.sql.$executeRawUnsafe("ROLLBACK TO SAVEPOINT idempotent_replay");
    if (typeof code === "string" && ACCESS_CODES.has(code)) throw notFound("The record");
    return stored;
  }
  await run.sql.$executeRawUnsafe("ROLLBACK TO SAVEPOINT idempotent_replay");
  return stored;
}

/**
 * Every mutation, in every subgraph, runs as one transaction that also holds its
 * idempotency key: the write and the record that it happened commit together or not
 * at all (a process killed mid-write leaves neither). A resolver's own
 * `db.$transaction(...)` joins this one.
 */
export function transactionalMutations(schema: GraphQLSchema): GraphQLSchema {
  const mutationType = schema.getMutationType()?.name;
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (config, fieldName, typeName) => {
      if (typeName !== mutationType) return config;
      const resolve = config.resolve ?? defaultFieldResolver;
      const operation = `${typeName}.${fieldName}`;
      return {
        ...config,
        resolve(source, args: Record<string, unknown>, context: WriteContext, info) {
          const key = args[IDEMPOTENCY_KEY_ARGUMENT];
          if (key !== undefined && key !== null) validateIdempotencyKey(key);
          assertIdArguments(args, info.parentType.getFields()[info.fieldName]?.args ?? []);
          return refusalsAudited(context, typeName, fieldName, args, () =>
            context.writeTransaction(async (inTransaction, sql) => {
              // What the server adds per request (audit recorder, keys) stays; the data layer is the transaction's.
              const scoped = {
                ...context,
                ...inTransaction,
                audit: context.audit,
                grantKeys: context.grantKeys,
                auditLog: context.auditLog,
              };
              const write = async () => resolve(source, args, scoped, info);
              if (key === undefined || key === null) return write();
              return runIdempotent(
                { sql, principal: context.principal, operation, key: key as string, args, now: context.clock.now() },
                write,
                (stored) => recheckReplay(stored, { write, sql, context: scoped, info }),
              );
            }),
          );
        },
      };
    },
  });
}
