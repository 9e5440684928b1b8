import { subgraphCodegenConfig } from "@samraad/subgraph-kit/codegen";

// Resolvers receive Prisma rows (mappers), and return them; GraphQL types are generated.
export default subgraphCodegenConfig({
  shared: {
    prefix: "Health",
    sectorText: "health care",
    internalScope: "health:internal",
    blocks: ["sector", "mutation", "region", "accessLog"],
  },
  mappers: {
    AccessReport: "@samraad/subgraph-kit#AccessReportRef",
    MedicalExamination: "../data/rows.ts#MedicalExaminationRow",
    OnwardReferral: "../data/rows.ts#OnwardReferralRow",
    BoernehusCase: "../data/rows.ts#CaseRef",
  },
});
