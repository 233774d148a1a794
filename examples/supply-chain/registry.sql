-- Supply-chain example: the shared part, in `public`. The tenant registry (model Tenant), the
-- provisioning function that creates a tenant's schema with its own migration history table,
-- and the three example tenants. Run once, as the owner (the loading superuser), on an empty
-- database, BEFORE the migrations are applied to each tenant schema (see README.md).

SET search_path = public;

-- CreateTable
CREATE TABLE "tenants" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "schema_name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "tenants_pkey" PRIMARY KEY ("id"),
    -- A slug becomes part of an identifier: keep both plain so nobody has to quote them.
    CONSTRAINT "tenants_slug_check" CHECK ("slug" ~ '^[a-z][a-z0-9_]{0,40}$'),
    CONSTRAINT "tenants_schema_name_check" CHECK ("schema_name" = 'tenant_' || "slug")
);

-- CreateIndex
CREATE UNIQUE INDEX "tenants_slug_key" ON "tenants"("slug");
CREATE UNIQUE INDEX "tenants_schema_name_key" ON "tenants"("schema_name");

-- Registers a tenant and creates its schema `tenant_<slug>` with an empty migration history
-- (`_prisma_migrations`, the table Prisma keeps; here one per tenant schema). The migrator then
-- applies every migrations/*/migration.sql to that schema and records each one there.
CREATE OR REPLACE FUNCTION supply_provision_tenant(p_slug text, p_name text) RETURNS text
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
AS $$
DECLARE
    schema text := 'tenant_' || p_slug;
BEGIN
    INSERT INTO tenants (id, slug, name, schema_name, created_at)
    VALUES (md5('tenant/' || p_slug)::uuid::text, p_slug, p_name, schema, '2024-01-01T00:00:00Z');
    EXECUTE format('CREATE SCHEMA %I', schema);
    EXECUTE format($ddl$
        CREATE TABLE %I."_prisma_migrations" (
            "id" VARCHAR(36) PRIMARY KEY NOT NULL,
            "checksum" VARCHAR(64) NOT NULL,
            "finished_at" TIMESTAMPTZ,
            "migration_name" VARCHAR(255) NOT NULL,
            "logs" TEXT,
            "rolled_back_at" TIMESTAMPTZ,
            "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
            "applied_steps_count" INTEGER NOT NULL DEFAULT 0
        )$ddl$, schema);
    RETURN schema;
END
$$;

-- Three tenants of different sizes (the seed gives them 1.0, 0.6 and 0.3 of the data).
SELECT supply_provision_tenant('acme', 'Acme Corporation');
SELECT supply_provision_tenant('globex', 'Globex Logistics');
SELECT supply_provision_tenant('initech', 'Initech Parts');

REVOKE EXECUTE ON FUNCTION supply_provision_tenant(text, text) FROM PUBLIC;
