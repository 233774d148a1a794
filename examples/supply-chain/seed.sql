-- Supply-chain example: a deterministic seed, parameterised by scale.
--
-- Load AFTER registry.sql, the migrations (applied to every tenant schema) and roles.sql, as the
-- owner (the loading superuser), each text sent whole (PQexec or psql -f):
--     <this file>                -- defines the functions below; inserts nothing
--     SELECT supply_seed(1);     -- or supply_seed($1) with the scale as a parameter
--
-- Same scale, same rows: ids and values come from md5 of a stable key (tenant, entity, ordinal),
-- never from random() or the clock; dates are relative to a fixed anchor, 2026-11-01T00:00:00Z,
-- and span the two years before it. Three tenants of different sizes: acme 1.0, globex 0.6,
-- initech 0.3. Scale 1 ≈ 800 orders for acme; orders and items grow linearly with scale, people,
-- suppliers and products with scale^0.25. Each tenant's rows go into its own schema: the function
-- points search_path at `tenant_<slug>` (from the registry) before its INSERTs.

-- u ∈ [0,1): the i-th (0..3) 32-bit slice of an md5 hex digest.
CREATE OR REPLACE FUNCTION supply_u(h text, i integer) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT ('x' || substr(h, 1 + 8 * i, 8))::bit(32)::bigint / 4294967296.0::double precision $$;

-- A deterministic uuid-shaped id (like Prisma's uuid()) for a stable key.
CREATE OR REPLACE FUNCTION supply_id(key text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT md5(key)::uuid::text $$;

-- The element of a at fraction u ∈ [0,1).
CREATE OR REPLACE FUNCTION supply_pick(a anyarray, u double precision) RETURNS anyelement
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT a[1 + floor(u * cardinality(a))::integer] $$;

CREATE OR REPLACE FUNCTION supply_seed(scale integer, anchor timestamptz DEFAULT '2026-11-01T00:00:00Z')
    RETURNS text
    LANGUAGE plpgsql
    SET "TimeZone" = 'UTC'
    SET client_min_messages = warning
    SET jit = off
AS $seed$
DECLARE
    t record;
    size double precision;
    n_users integer;
    n_suppliers integer;
    n_products integer;
    n_orders integer;
    first_names text[] := ARRAY['Ada','Bjørn','Chloé','Dmitri','Eun-ji','Farah','Grace','Hiro','Inés','Jonas',
        'Kwame','Lena','Mateo','Nadia','Owen','Priya','Quinn','Rosa','Sven','Tomás','Uma','Viktor','Wen','Yara'];
    last_names text[] := ARRAY['O''Neil','Müller','García','Nguyen','Kowalski','Okafor','Rossi','Tanaka','Dubois',
        'Larsen','Patel','Haddad','Silva','Brennan','Cohen','Ivanova','Chen','Walsh','Jansen','Romero'];
    supplier_names text[] := ARRAY['Nordic Fasteners AB','Shenzhen Bright Electric','Great Lakes Packaging',
        'Herramientas del Norte','Osaka Precision Tools','Rhein Hydraulik GmbH','SafeGuard Supply Co.',
        'Bolt & Nut Brothers','Pacific Polymers','Midlands Steel Ltd','Québec Câbles','Anatolia Valves',
        'O''Reilly Industrial','Cape Town Crating','Mumbai Motors Pvt','São Paulo Seals'];
    supplier_countries text[] := ARRAY['Sweden','China','USA','Mexico','Japan','Germany','USA','UK','USA','UK',
        'Canada','Turkey','Ireland','South Africa','India','Brazil'];
    categories text[] := ARRAY['Fasteners','Electrical','Packaging','Tools','Safety','Hydraulics'];
    nouns text[] := ARRAY['Hex Bolt','Wing Nut','Cable Tie','Relay','Fuse','Carton','Pallet Wrap','Torque Wrench',
        'Drill Bit','Hard Hat','Glove Pair','Valve','Hose Fitting','Seal Kit','Bearing','Spring Washer',
        'Grip_Tape','100% Cotton Rag','O''Ring','Ça Marche Clamp'];
    sizes text[] := ARRAY['S','M','L','XL','6mm','8mm','10mm','12mm'];
    locations text[] := ARRAY['Rotterdam','Chicago','Singapore','Leeds'];
    -- Text here: "OrderStatus" exists only inside the tenant schemas (cast at the INSERT).
    statuses text[] := ARRAY['DRAFT', 'PENDING', 'CONFIRMED', 'FULFILLED', 'CANCELLED'];
BEGIN
    FOR t IN SELECT slug, schema_name FROM public.tenants ORDER BY slug LOOP
        size := CASE t.slug WHEN 'acme' THEN 1.0 WHEN 'globex' THEN 0.6 ELSE 0.3 END;
        -- Every unqualified name below is the tenant's table (plans are re-made per search_path).
        PERFORM set_config('search_path', quote_ident(t.schema_name) || ', public, pg_temp', true);
        n_users := greatest(3, round(10 * size * scale ^ 0.25))::integer;
        n_suppliers := greatest(3, round(16 * size ^ 0.5 * scale ^ 0.25))::integer;
        n_products := greatest(10, round(60 * size ^ 0.5 * scale ^ 0.25))::integer;
        n_orders := greatest(5, round(800 * size * scale))::integer;

        INSERT INTO users (id, email, full_name, hashed_password, created_at)
        SELECT supply_id(t.slug || '/user/' || i),
               'user' || i || '@' || t.slug || '.example',
               supply_pick(first_names, supply_u(h, 0)) || ' ' || supply_pick(last_names, supply_u(h, 1)),
               '$2b$10$' || md5(h || 'pw'),
               anchor - (730 + floor(supply_u(h, 2) * 365)) * interval '1 day'
        FROM generate_series(1, n_users) AS i, LATERAL (SELECT md5(t.slug || '/user/' || i) AS h) x;

        INSERT INTO suppliers (id, name, country, email)
        SELECT supply_id(t.slug || '/supplier/' || i),
               supplier_names[1 + (i - 1) % cardinality(supplier_names)]
                   || CASE WHEN i > cardinality(supplier_names) THEN ' ' || ((i - 1) / cardinality(supplier_names) + 1) ELSE '' END,
               CASE WHEN supply_u(h, 0) < 0.1 THEN NULL ELSE supplier_countries[1 + (i - 1) % cardinality(supplier_countries)] END,
               CASE WHEN supply_u(h, 1) < 0.25 THEN NULL ELSE 'orders@supplier' || i || '.example' END
        FROM generate_series(1, n_suppliers) AS i, LATERAL (SELECT md5(t.slug || '/supplier/' || i) AS h) x;

        INSERT INTO products (id, sku, name, category, created_at)
        SELECT supply_id(t.slug || '/product/' || i),
               upper(left(t.slug, 2)) || '-' || lpad(i::text, 5, '0'),
               supply_pick(nouns, supply_u(h, 0)) || ' ' || supply_pick(sizes, supply_u(h, 1)),
               CASE WHEN supply_u(h, 2) < 0.08 THEN NULL ELSE supply_pick(categories, supply_u(h, 3)) END,
               anchor - (365 + floor(supply_u(h, 2) * 365)) * interval '1 day'
        FROM generate_series(1, n_products) AS i, LATERAL (SELECT md5(t.slug || '/product/' || i) AS h) x;

        -- One to three suppliers per product; (p·3 + k) mod n keeps the pairs distinct.
        INSERT INTO supplier_products (id, supplier_id, product_id, price, lead_time_days)
        SELECT supply_id(t.slug || '/offer/' || p || '/' || k),
               supply_id(t.slug || '/supplier/' || (1 + (p * 3 + k) % n_suppliers)),
               supply_id(t.slug || '/product/' || p),
               round((2 + supply_u(h, 0) * 148)::numeric, 2),
               3 + floor(supply_u(h, 1) * 60)::integer
        FROM generate_series(1, n_products) AS p, generate_series(0, 2) AS k,
             LATERAL (SELECT md5(t.slug || '/offer/' || p || '/' || k) AS h) x
        WHERE k = 0 OR supply_u(md5(t.slug || '/offer/' || p || '/' || k), 2) < 0.5;

        -- Stock of most products at most locations; reorder points from the second migration.
        INSERT INTO inventory (id, product_id, location, on_hand, reorder_point, updated_at)
        SELECT supply_id(t.slug || '/stock/' || p || '/' || l),
               supply_id(t.slug || '/product/' || p),
               locations[l],
               floor(supply_u(h, 1) * 250)::integer,
               10 + floor(supply_u(h, 2) * 60)::integer,
               anchor - floor(supply_u(h, 3) * 30) * interval '1 day'
        FROM generate_series(1, n_products) AS p, generate_series(1, cardinality(locations)) AS l,
             LATERAL (SELECT md5(t.slug || '/stock/' || p || '/' || l) AS h) x
        WHERE supply_u(h, 0) < 0.75;

        INSERT INTO orders (id, number, status, order_date, delivery_date, total, supplier_id, created_by_id)
        SELECT supply_id(t.slug || '/order/' || i),
               upper(t.slug) || '-' || (10000 + i),
               s.status::"OrderStatus",
               d.order_date,
               CASE WHEN s.status = 'FULFILLED' THEN d.order_date + (2 + floor(supply_u(h, 2) * 40)) * interval '1 day' END,
               0,
               CASE WHEN supply_u(h, 3) < 0.1 THEN NULL ELSE supply_id(t.slug || '/supplier/' || (1 + floor(supply_u(h, 3) * n_suppliers)::integer)) END,
               CASE WHEN supply_u(h, 1) < 0.15 THEN NULL ELSE supply_id(t.slug || '/user/' || (1 + floor(supply_u(h, 2) * n_users)::integer)) END
        FROM generate_series(1, n_orders) AS i,
             LATERAL (SELECT md5(t.slug || '/order/' || i) AS h) x,
             LATERAL (SELECT statuses[CASE WHEN supply_u(h, 0) < 0.05 THEN 1 WHEN supply_u(h, 0) < 0.2 THEN 2
                                            WHEN supply_u(h, 0) < 0.35 THEN 3 WHEN supply_u(h, 0) < 0.92 THEN 4 ELSE 5 END] AS status) s,
             LATERAL (SELECT date_trunc('second', anchor - (supply_u(h, 1) * 730) * interval '1 day') AS order_date) d;

        INSERT INTO order_items (id, order_id, product_id, quantity, unit_price)
        SELECT supply_id(t.slug || '/item/' || i || '/' || k),
               supply_id(t.slug || '/order/' || i),
               supply_id(t.slug || '/product/' || (1 + floor(supply_u(h, 0) * n_products)::integer)),
               1 + floor(supply_u(h, 1) * 48)::integer,
               round((2 + supply_u(h, 2) * 180)::numeric, 2)
        FROM generate_series(1, n_orders) AS i, generate_series(1, 5) AS k,
             LATERAL (SELECT md5(t.slug || '/item/' || i || '/' || k) AS h) x
        WHERE k <= 1 + floor(supply_u(md5(t.slug || '/order/' || i), 0) * 997)::integer % 5;

        UPDATE orders o SET total = s.total
        FROM (SELECT order_id, sum(quantity * unit_price) AS total FROM order_items GROUP BY order_id) s
        WHERE s.order_id = o.id;
    END LOOP;
    RETURN (SELECT string_agg(slug, ', ' ORDER BY slug) FROM public.tenants);
END
$seed$;

REVOKE EXECUTE ON FUNCTION supply_seed(integer, timestamptz) FROM PUBLIC;
