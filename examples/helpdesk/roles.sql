-- Helpdesk example: the read-only role LQL connects as.
--
-- Owner: the tables belong to the role that ran the migration, which in this example is the
-- superuser that loads it (`postgres` in `lql demo`). lql_reader is
-- therefore not the owner, and FORCE ROW LEVEL SECURITY (rls.sql) would hold the owner too if it
-- were an ordinary role, as on Supabase.
--
-- lql_reader: LOGIN, NOSUPERUSER, NOBYPASSRLS, owns nothing, may read every table and write none.
-- "organizations" and "countries" have no RLS: the reader resolves a slug to an id before any
-- organization is in scope, and countries belong to none.
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
