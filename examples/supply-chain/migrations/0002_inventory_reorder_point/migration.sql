-- Supply-chain example, second migration: a reorder point per product and location, so planners
-- can see what to buy. Applied per tenant schema like 0001_init; a tenant schema whose
-- `_prisma_migrations` lacks it lags behind, and lql refuses to query it (exit 4).

-- AlterTable
ALTER TABLE "inventory" ADD COLUMN     "reorder_point" INTEGER NOT NULL DEFAULT 0;
