export * from "./endpointAddress.ts";
export * from "./resolvers.ts";
export * from "./sector.ts";
export { newEndpointSecret, SIGNATURE_HEADER, signatureHeader, verifySignature } from "./signature.ts";
export * from "./store.ts";
export * from "./worker.ts";
