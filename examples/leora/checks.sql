-- Leora example: checks of the loaded database. The LAST statement returns one row per
-- violation (check, detail); no rows means the example is sound. Run as the superuser that
-- loaded it, as one multi-statement text (PQexec returns the last result) or with psql -f.
-- It switches to lql_reader (SET ROLE) for the RLS and privilege checks and switches back.
--
-- Checked: structure (RLS enabled and forced with the NULLIF tenant policy, CHECK tenant_id <> '',
-- lql_reader's attributes and privileges), data (rows for every tenant in every table, NULLs in
-- ≥10% of every nullable column, every enum value used, no cross-tenant references, order totals,
-- invoice balances, AT_RISK → HIGH risk, stock below reorder point, failed webhook deliveries,
-- the WC-00042 / WC-10042 rows, names with ' % _ and accents), and behaviour as lql_reader
-- (one tenant's rows with the setting, none without it or with '', no writes).

SET client_min_messages = warning;
DROP TABLE IF EXISTS pg_temp.leora_violations, pg_temp.leora_tenant_tables, pg_temp.leora_expected,
    pg_temp.leora_enum_uses;
CREATE TEMP TABLE leora_violations (check_name text NOT NULL, detail text NOT NULL);

-- Tenant-scoped tables: every table of the public schema with a tenant_id column. A table, not a
-- view: the dynamic counts below must never be evaluated for a row this filter rejects.
CREATE TEMP TABLE leora_tenant_tables AS
SELECT c.oid, c.relname::text AS tbl, c.relrowsecurity, c.relforcerowsecurity
FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
WHERE ns.nspname = 'public' AND c.relkind = 'r'
  AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped);

-- Structure ---------------------------------------------------------------------------------
INSERT INTO leora_violations
SELECT 'rls', tbl || ': row level security not enabled' FROM leora_tenant_tables WHERE NOT relrowsecurity
UNION ALL
SELECT 'rls', tbl || ': row level security not forced' FROM leora_tenant_tables WHERE NOT relforcerowsecurity
UNION ALL
SELECT 'rls', t.tbl || ': no tenant_isolation policy comparing tenant_id with NULLIF(current_setting(''app.current_tenant_id'', true), '''')'
FROM leora_tenant_tables t
WHERE NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = t.oid AND p.polname = 'tenant_isolation'
                  AND pg_get_expr(p.polqual, p.polrelid) = '(tenant_id = NULLIF(current_setting(''app.current_tenant_id''::text, true), ''''::text))')
UNION ALL
SELECT 'rls', t.tbl || ': policy ' || p.polname || ' besides tenant_isolation (policies OR together)'
FROM leora_tenant_tables t JOIN pg_policy p ON p.polrelid = t.oid WHERE p.polname <> 'tenant_isolation'
UNION ALL
SELECT 'rls', relname || ': tenants must stay readable without a tenant (RLS is on)'
FROM pg_class WHERE oid = 'public.tenants'::regclass AND relrowsecurity
UNION ALL
SELECT 'check', t.tbl || ': no CHECK (tenant_id <> '''')'
FROM leora_tenant_tables t
WHERE NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = t.oid AND k.contype = 'c'
                  AND pg_get_constraintdef(k.oid) = 'CHECK ((tenant_id <> ''''::text))');

INSERT INTO leora_violations
SELECT 'role', 'lql_reader does not exist' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'lql_reader')
UNION ALL
SELECT 'role', 'lql_reader: ' || x.problem
FROM pg_roles r CROSS JOIN LATERAL (VALUES
        (NOT r.rolcanlogin, 'cannot log in'), (r.rolsuper, 'is a superuser'), (r.rolbypassrls, 'has BYPASSRLS'),
        (r.rolcreaterole, 'has CREATEROLE'), (r.rolcreatedb, 'has CREATEDB')) AS x(bad, problem)
WHERE r.rolname = 'lql_reader' AND x.bad
UNION ALL
SELECT 'role', 'lql_reader owns ' || c.relname FROM pg_class c WHERE c.relowner = (SELECT oid FROM pg_roles WHERE rolname = 'lql_reader')
UNION ALL
SELECT 'role', 'lql_reader is a member of ' || g.rolname
FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = 'lql_reader'
UNION ALL
SELECT 'grant', 'lql_reader cannot SELECT ' || c.relname
FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
WHERE ns.nspname = 'public' AND c.relkind = 'r' AND NOT has_table_privilege('lql_reader', c.oid, 'SELECT')
UNION ALL
SELECT 'grant', 'lql_reader has ' || p.priv || ' on ' || c.relname
FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
CROSS JOIN unnest(ARRAY['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) AS p(priv)
WHERE ns.nspname = 'public' AND c.relkind IN ('r', 'v', 'm', 'S') AND has_table_privilege('lql_reader', c.oid, p.priv)
UNION ALL
SELECT 'grant', 'lql_reader has CREATE on schema public' WHERE has_schema_privilege('lql_reader', 'public', 'CREATE')
UNION ALL
SELECT 'grant', 'lql_reader may execute ' || p.oid::regprocedure::text
FROM pg_proc p JOIN pg_namespace ns ON ns.oid = p.pronamespace
WHERE ns.nspname = 'public' AND p.proname LIKE 'leora\_%' AND has_function_privilege('lql_reader', p.oid, 'EXECUTE');

-- Data --------------------------------------------------------------------------------------
-- Counts through query_to_xml: one dynamic count per (table, tenant) in plain SQL.
INSERT INTO leora_violations
SELECT 'rows', t.tbl || ' has no rows for tenant ' || tn.slug
FROM leora_tenant_tables t CROSS JOIN tenants tn
WHERE (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM public.%I WHERE tenant_id = %L', t.tbl, tn.id),
                                           false, true, '')))[1]::text::bigint = 0;

INSERT INTO leora_violations
SELECT 'nulls', format('%s.%s is NULL in %s%% of rows (want >= 10%%)', c.table_name, c.column_name, round(100 * x.ratio, 1))
FROM information_schema.columns c
CROSS JOIN LATERAL (SELECT (xpath('/row/r/text()', query_to_xml(
        format('SELECT coalesce(avg((%I IS NULL)::int), 0) AS r FROM public.%I', c.column_name, c.table_name),
        false, true, '')))[1]::text::numeric AS ratio) x
WHERE c.table_schema = 'public' AND c.is_nullable = 'YES'
  AND c.table_name IN (SELECT tbl FROM leora_tenant_tables)
  AND x.ratio < 0.10;

-- Every value of every enum occurs in some column of that type (TenantStatus: all tenants are ACTIVE).
CREATE TEMP TABLE leora_enum_uses AS
SELECT t.typname::text AS typname, e.enumlabel::text AS label, c.table_name::text AS tbl, c.column_name::text AS col
FROM pg_type t
JOIN pg_enum e ON e.enumtypid = t.oid
JOIN information_schema.columns c ON c.table_schema = 'public' AND c.udt_name = t.typname
WHERE t.typnamespace = 'public'::regnamespace AND t.typname <> 'TenantStatus';

INSERT INTO leora_violations
SELECT 'enums', format('"%s".%s never occurs', typname, label)
FROM leora_enum_uses
GROUP BY typname, label
HAVING max((xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM public.%I WHERE %I::text = %L', tbl, col, label),
                                                false, true, '')))[1]::text::bigint) = 0;

-- A reference never crosses tenants (RLS would hide the other side; joins match tenant_id too).
INSERT INTO leora_violations
SELECT 'tenancy', format('%s.%s references %s rows of another tenant: %s', k.conrelid::regclass, a.attname,
                         k.confrelid::regclass, x.n)
FROM pg_constraint k
JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
CROSS JOIN LATERAL (SELECT (xpath('/row/n/text()', query_to_xml(format(
        'SELECT count(*) AS n FROM %s s JOIN %s r ON r.id = s.%I WHERE r.tenant_id <> s.tenant_id',
        k.conrelid::regclass, k.confrelid::regclass, a.attname), false, true, '')))[1]::text::bigint AS n) x
WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace AND a.attname <> 'tenant_id'
  AND k.confrelid <> 'public.tenants'::regclass AND x.n > 0;

INSERT INTO leora_violations
SELECT 'orders', o.number || ': total ' || o.total || ' <> sum of lines ' || coalesce(l.s, 0)
FROM orders o LEFT JOIN (SELECT order_id, sum(quantity * unit_price - discount) AS s FROM order_lines GROUP BY 1) l
     ON l.order_id = o.id
WHERE o.total <> coalesce(l.s, 0)
UNION ALL
SELECT 'orders', o.number || ' has no lines' FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id)
UNION ALL
SELECT 'invoices', i.number || ': balance ' || i.balance_due || ' but total ' || i.total || ' - payments ' || coalesce(p.s, 0)
FROM invoices i LEFT JOIN (SELECT invoice_id, sum(amount) AS s FROM payments GROUP BY 1) p ON p.invoice_id = i.id
WHERE i.balance_due <> CASE WHEN i.status = 'VOID' THEN 0 ELSE i.total - coalesce(p.s, 0) END
UNION ALL
SELECT 'invoices', i.number || ': ' || i.status || ' with balance ' || i.balance_due
FROM invoices i WHERE (i.status = 'PAID') <> (i.balance_due = 0 AND i.status <> 'VOID')
UNION ALL
SELECT 'invoices', i.number || ': total ' || i.total || ' <> order total ' || o.total
FROM invoices i JOIN orders o ON o.id = i.order_id WHERE i.total <> o.total
UNION ALL
SELECT 'invoices', 'no OVERDUE invoice with a past due date' WHERE NOT EXISTS (SELECT 1 FROM invoices WHERE status = 'OVERDUE' AND due_at < now())
UNION ALL
SELECT 'health', c.account_number || ' is AT_RISK but its latest snapshot is ' || coalesce(s.risk_level::text, 'missing')
FROM customers c
LEFT JOIN LATERAL (SELECT risk_level FROM account_health_snapshots h WHERE h.customer_id = c.id
                   ORDER BY captured_at DESC LIMIT 1) s ON true
WHERE c.status = 'AT_RISK' AND s.risk_level IS DISTINCT FROM 'HIGH'
UNION ALL
SELECT 'inventory', tn.slug || ' has no stock below its reorder point'
FROM tenants tn WHERE NOT EXISTS (SELECT 1 FROM inventory i WHERE i.tenant_id = tn.id AND i.on_hand < i.reorder_point)
UNION ALL
SELECT 'webhooks', tn.slug || ' has no FAILED webhook delivery'
FROM tenants tn WHERE NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.tenant_id = tn.id AND d.status = 'FAILED')
UNION ALL
SELECT 'examples', 'well-crafted has no customer WC-00042'
WHERE NOT EXISTS (SELECT 1 FROM customers c JOIN tenants t ON t.id = c.tenant_id
                  WHERE t.slug = 'well-crafted' AND c.account_number = 'WC-00042')
UNION ALL
SELECT 'examples', 'well-crafted has no order WC-10042 with lines'
WHERE NOT EXISTS (SELECT 1 FROM orders o JOIN tenants t ON t.id = o.tenant_id
                  WHERE t.slug = 'well-crafted' AND o.number = 'WC-10042'
                    AND EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id))
UNION ALL
SELECT 'examples', 'no customer name contains ' || ch
FROM unnest(ARRAY['''', '%', '_', 'é', 'ë']) AS ch
WHERE NOT EXISTS (SELECT 1 FROM customers WHERE strpos(name, ch) > 0)
UNION ALL
SELECT 'tenants', 'missing tenant ' || s
FROM unnest(ARRAY['well-crafted', 'harbor-wines', 'north-cellars']) AS s
WHERE NOT EXISTS (SELECT 1 FROM tenants WHERE slug = s);

-- Behaviour as lql_reader -------------------------------------------------------------------
-- What each tenant owns, counted as the superuser (RLS bypassed), for the reader to compare.
CREATE TEMP TABLE leora_expected AS
SELECT t.tbl, tn.id AS tenant_id,
       (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM public.%I WHERE tenant_id = %L', t.tbl, tn.id),
                                            false, true, '')))[1]::text::bigint AS n
FROM leora_tenant_tables t CROSS JOIN tenants tn;
GRANT SELECT ON leora_expected TO lql_reader;
GRANT INSERT ON leora_violations TO lql_reader;

SET ROLE lql_reader;
DO $reader$
DECLARE
    e record;
    seen bigint;
    tbl text;
    sqlstate_ text;
BEGIN
    -- No tenant in scope (NULL setting), then the '' a pooled session leaves behind: no rows.
    FOREACH tbl IN ARRAY (SELECT array_agg(DISTINCT e2.tbl) FROM leora_expected e2) LOOP
        EXECUTE format('SELECT count(*) FROM public.%I', tbl) INTO seen;
        IF seen <> 0 THEN
            INSERT INTO leora_violations VALUES ('reader', format('%s: %s rows visible with no tenant set', tbl, seen));
        END IF;
        PERFORM set_config('app.current_tenant_id', '', true);
        EXECUTE format('SELECT count(*) FROM public.%I', tbl) INTO seen;
        IF seen <> 0 THEN
            INSERT INTO leora_violations VALUES ('reader', format('%s: %s rows visible with the tenant set to ''''', tbl, seen));
        END IF;
        PERFORM set_config('app.current_tenant_id', NULL, true);
    END LOOP;
    -- Each tenant in scope: exactly its own rows.
    FOR e IN SELECT * FROM leora_expected ORDER BY tbl, tenant_id LOOP
        PERFORM set_config('app.current_tenant_id', e.tenant_id, true);
        EXECUTE format('SELECT count(*) FROM public.%I', e.tbl) INTO seen;
        IF seen <> e.n THEN
            INSERT INTO leora_violations VALUES ('reader', format('%s: %s rows visible for tenant %s, which owns %s', e.tbl, seen, e.tenant_id, e.n));
        END IF;
    END LOOP;
    -- Writes fail, even inside the tenant's own scope.
    PERFORM set_config('app.current_tenant_id', (SELECT id FROM tenants WHERE slug = 'well-crafted'), true);
    FOREACH tbl IN ARRAY ARRAY['INSERT INTO public.suppliers (id, tenant_id, name) SELECT ''x-check'', current_setting(''app.current_tenant_id''), ''x''',
                               'UPDATE public.customers SET name = name',
                               'DELETE FROM public.webhook_events',
                               'TRUNCATE public.payments',
                               'UPDATE public.tenants SET name = name',
                               'INSERT INTO public.tenants (id, slug, name, status) VALUES (''x'', ''x'', ''x'', ''ACTIVE'')'] LOOP
        BEGIN
            EXECUTE tbl;
            RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'leora-check: write succeeded';
        EXCEPTION WHEN OTHERS THEN
            GET STACKED DIAGNOSTICS sqlstate_ = RETURNED_SQLSTATE;
            IF sqlstate_ <> '42501' THEN  -- insufficient_privilege
                INSERT INTO leora_violations VALUES ('reader', format('%s: expected permission denied, got %s (%s)', tbl, sqlstate_, SQLERRM));
            END IF;
        END;
    END LOOP;
END
$reader$;
RESET ROLE;
RESET client_min_messages;

SELECT check_name, detail FROM leora_violations ORDER BY check_name, detail;
