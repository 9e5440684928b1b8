import type { DocumentNode } from "graphql";
import { LRUCache } from "lru-cache";

/**
 * The gateway's caches of parsed documents and of parse errors, bounded by what they hold.
 *
 * graphql-yoga keeps the last 1,024 parsed documents and the last 1,024 parse errors, whatever
 * their size. A parsed document holds about 80 bytes of heap per character of its text (its AST,
 * and every token with its location), so 1,024 documents at the token limit (5,000 tokens, about
 * 1.4 MB each) would hold some 1.5 GB: any principal who may send a document of its own (a sector
 * system) could fill the gateway's heap. The bench's fuzz did, by accident: 80,000 hostile
 * requests and the production gateway stopped (docs/observability.md, "What the 100k fuzz found").
 *
 * - Documents share a budget estimated from their text: 32 MB of heap by default, room for
 *   about 400,000 characters of documents, some 200 times what the web app registers.
 * - A parse error is kept with its stack already written out. Until then V8 keeps the stack's
 *   call sites, and with them the lexer that threw and every token it had read.
 *
 * Hive Gateway hands yoga no caches of its own; our patch lets it (patches/README.md).
 */
export interface ParseCaches {
  documentCache: LRUCache<string, DocumentNode>;
  errorCache: { get(text: string): unknown; set(text: string, error: unknown): void };
  validationCache: true;
}

/** Heap a parsed document holds per character of its text (measured on Node 20: 77). */
export const HEAP_BYTES_PER_CHARACTER = 80;
const DOCUMENT_CACHE_BYTES = 32 * 1024 * 1024;
const ERROR_CACHE_BYTES = 4 * 1024 * 1024;
/** As many entries, and as long, as yoga's own caches. */
const MAX_ENTRIES = 1024;
const TTL_MS = 3_600_000;

export function boundedParseCaches(documentBytes = DOCUMENT_CACHE_BYTES): ParseCaches {
  const documentCache = new LRUCache<string, DocumentNode>({
    max: MAX_ENTRIES,
    ttl: TTL_MS,
    maxSize: documentBytes,
    // A document larger than the whole budget is parsed for its request and not kept.
    sizeCalculation: (_document, text) => Math.max(1, text.length * HEAP_BYTES_PER_CHARACTER),
  });
  const errors = new LRUCache<string, object>({
    max: MAX_ENTRIES,
    ttl: TTL_MS,
    maxSize: ERROR_CACHE_BYTES,
    // The text (the key, and the error's source) and the written-out stack.
    sizeCalculation: (_error, text) => 2 * text.length + 4096,
  });
  return {
    documentCache,
    errorCache: {
      get: (text) => errors.get(text),
      set(text, error) {
        if (typeof error !== "object" || error === null) return;
        // Reading the stack writes it out, and lets its call sites (and the lexer) go.
        void (error as { stack?: unknown }).stack;
        errors.set(text, error);
      },
    },
    validationCache: true,
  };
}
