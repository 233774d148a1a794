-- Supply-chain example: the read-only role lql connects as, for the schema-per-tenant layout.
--
-- lql_reader: LOGIN, not superuser, owns nothing, writes nothing. It may read the tenant registry
-- (public.tenants, to resolve a slug to a schema) and every registered tenant schema: USAGE on the
-- schema and SELECT on its tables (the tables and `_prisma_migrations`, which lql reads to refuse a
-- tenant whose schema lags behind in migrations). Isolation between tenants is therefore lql's
-- scope — `search_path` set to exactly one tenant schema per transaction — not a privilege wall;
-- `lql doctor` reports which tenant schemas the role can read.
-- Run AFTER the migrations (GRANT … ON ALL TABLES sees only existing tables); re-runnable.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'lql_reader') THEN
        CREATE ROLE lql_reader LOGIN;
    END IF;
END
$$;

ALTER ROLE lql_reader WITH LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION INHERIT;

-- Start from nothing so a re-run also removes privileges someone granted by hand.
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM lql_reader;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM lql_reader;
REVOKE ALL ON SCHEMA public FROM lql_reader;

-- In public, only the registry.
GRANT USAGE ON SCHEMA public TO lql_reader;
GRANT SELECT ON public."tenants" TO lql_reader;

DO $$
DECLARE
    s text;
BEGIN
    FOR s IN SELECT schema_name FROM public.tenants ORDER BY schema_name LOOP
        EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM lql_reader', s);
        EXECUTE format('REVOKE ALL ON SCHEMA %I FROM lql_reader', s);
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO lql_reader', s);
        EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO lql_reader', s);
        -- Tables that later migrations create (as this same owner) are readable too.
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT ON TABLES TO lql_reader', s);
    END LOOP;
END
$$;
