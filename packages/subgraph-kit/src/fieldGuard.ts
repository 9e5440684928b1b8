import { MapperKind, mapSchema } from "@graphql-tools/utils";
import { allows, readSchemaFieldRules } from "@samraad/access";
import { defaultFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from "graphql";
import type { BaseContext } from "./context.ts";
import { DomainError } from "./errors.ts";

/**
 * Defence in depth: the subgraph re-checks the `@authenticated` / `@requiresScopes`
 * / `@policy` rules of its own SDL on every field it resolves, `_entities` included,
 * whatever the gateway already decided. A field without a rule is denied.
 */
export function guardFields(schema: GraphQLSchema): GraphQLSchema {
  const rules = readSchemaFieldRules(schema);
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (config, fieldName, typeName) => {
      const coordinate = `${typeName}.${fieldName}`;
      if (!rules.has(coordinate)) return config; // federation plumbing (_service, _entities)
      const rule = rules.get(coordinate) ?? null;
      const resolve = config.resolve ?? defaultFieldResolver;
      const subscribe = config.subscribe;
      return {
        ...config,
        // A subscription is checked when it starts, too (then its events are resolved one by one).
        ...(subscribe
          ? {
              subscribe(source: unknown, args: Record<string, unknown>, context: BaseContext, info: GraphQLResolveInfo) {
                if (!allows(rule, true, context.scopes)) {
                  context.audit.deny(typeName, fieldName, source);
                  throw new DomainError("FORBIDDEN", `You may not read ${coordinate}.`, { coordinate });
                }
                return subscribe(source, args, context, info);
              },
            }
          : {}),
        resolve(source, args, context: BaseContext, info) {
          if (!allows(rule, true, context.scopes)) {
            context.audit.deny(typeName, fieldName, source, info.path);
            throw new DomainError("FORBIDDEN", `You may not read ${coordinate}.`, { coordinate });
          }
          context.audit.touch(typeName, fieldName, source, info.path, coordinate);
          return resolve(source, args, context, info);
        },
      };
    },
  });
}
