-- Leora example: the read-only role LQL connects as.
--
-- Owner: the tables belong to the role that ran the migration, which in this example is the
-- superuser that loads it (`postgres` in scripts/leora-db.sh and `lql demo`). lql_reader is
-- therefore not the owner, and FORCE ROW LEVEL SECURITY (rls.sql) would hold the owner too if it
-- were an ordinary role, as on Supabase.
--
-- lql_reader: LOGIN, NOSUPERUSER, NOBYPASSRLS, owns nothing, may read every table and write none.
-- "tenants" has no RLS: the reader must resolve a slug to an id before any tenant is in scope.
-- Re-runnable: the role is created only when missing, and its attributes and grants are (re)set.

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

GRANT USAGE ON SCHEMA public TO lql_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO lql_reader;

-- Tables that later migrations create (as this same owner) are readable too.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO lql_reader;
