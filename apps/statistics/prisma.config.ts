import { subgraphPrismaConfig } from "@samraad/db/prismaConfig";

export default subgraphPrismaConfig();
