import { MapperKind, mapSchema } from "@graphql-tools/utils";
import { defaultFieldResolver, type GraphQLSchema } from "graphql";
import type { BaseContext } from "./context.ts";
import { IDEMPOTENCY_KEY_ARGUMENT, runIdempotent, type SqlClient, validateIdempotencyKey } from "./idempotency.ts";

/**
 * Runs `work` in one database transaction, with the subgraph's request context rebuilt
 * on that transaction (data layer, loaders, row access all see the same snapshot and
 * the same single connection). Given per request by the server.
 */
export type WriteTransaction = <T>(work: (context: BaseContext, sql: SqlClient) => Promise<T>) => Promise<T>;

export interface WriteContext extends BaseContext {
  writeTransaction: WriteTransaction;
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
          return context.writeTransaction(async (inTransaction, sql) => {
            // What the server adds per request (audit recorder, keys) stays; the data layer is the transaction's.
            const scoped = { ...context, ...inTransaction, audit: context.audit, grantKeys: context.grantKeys, auditLog: context.auditLog };
            const write = async () => resolve(source, args, scoped, info);
            if (key === undefined || key === null) return write();
            return runIdempotent(
              { sql, principal: context.principal, operation, key: key as string, args, now: context.clock.now() },
              write,
            );
          });
        },
      };
    },
  });
}
