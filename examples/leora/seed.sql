-- Leora example: a deterministic seed, parameterised by scale.
--
-- Load (one multi-statement text, so PQexec works as well as psql), as the superuser or table
-- owner that ran the migration, AFTER migration.sql, rls.sql and roles.sql:
--     <this file>                    -- defines the functions below; inserts nothing
--     SELECT leora_seed(1);          -- or leora_seed($1) with the scale as a parameter
--
-- Same scale, same rows: every id and value comes from md5 of a stable key (tenant id, entity,
-- ordinal), never from random() or the clock. Dates are relative to a fixed anchor,
-- 2026-11-01T00:00:00Z (second argument, if you want another), and span the two years before it.
-- Scale 1 ≈ 1,000 orders per tenant; everything transactional grows linearly with scale, people
-- and catalogue grow with scale^0.25. Three tenants of slightly different sizes (1.1, 1.0, 0.9):
-- well-crafted, harbor-wines, north-cellars; scale 300 gives 330k + 300k + 270k = 900k orders.
-- Set-based throughout (generate_series joined to small temp tables), so large scales load in
-- minutes.
--
-- The superuser bypasses RLS, so the seed inserts every tenant's rows in one pass. Only the
-- owner may run these functions: EXECUTE is revoked from PUBLIC at the end of this file.

-- u ∈ [0,1): the i-th (0..3) 32-bit slice of an md5 hex digest. Inlined by the planner.
CREATE OR REPLACE FUNCTION leora_u(h text, i integer) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT ('x' || substr(h, 1 + 8 * i, 8))::bit(32)::bigint / 4294967296.0::double precision $$;

-- A deterministic uuid-shaped id (like Prisma's uuid()) for a stable key.
CREATE OR REPLACE FUNCTION leora_id(key text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT md5(key)::uuid::text $$;

-- The element of a at fraction u ∈ [0,1).
CREATE OR REPLACE FUNCTION leora_pick(a anyarray, u double precision) RETURNS anyelement
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT a[1 + floor(u * cardinality(a))::integer] $$;

-- Lower-case ASCII letters and digits only, for e-mail local parts and domains.
CREATE OR REPLACE FUNCTION leora_ascii(s text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT regexp_replace(translate(lower(s), 'áàâäãåçéèêëíìîïñóòôöõøúùûüýÿōšž',
                                                    'aaaaaaceeeeiiiinoooooouuuuyyosz'), '[^a-z0-9]+', '', 'g') $$;

CREATE OR REPLACE FUNCTION leora_seed(scale integer, anchor timestamptz DEFAULT '2026-11-01T00:00:00Z')
    RETURNS text
    LANGUAGE plpgsql
    -- Interval arithmetic on timestamptz depends on the session time zone: pin it.
    SET "TimeZone" = 'UTC'
    SET client_min_messages = warning
    -- generate_series rows are estimated at 1,000 whatever their real count, which leads the
    -- planner to nested loops that re-hash every generated row per inner row: hash joins only.
    SET enable_nestloop = off
    -- Those disabled-path costs (1e10) would also push every statement over the JIT thresholds:
    -- compiling costs more than it saves here (≈ 0.4 s per statement).
    SET jit = off
    SET search_path = public, pg_temp
AS $seed$
DECLARE
    first_names text[] := ARRAY['Ava','Liam','Sofia','Noah','Zoë','José','Siobhán','Renée','François','Björn',
        'Chloé','D''Angelo','Mateo','Priya','Kenji','Amara','Lucía','Oliver','Hannah','Ethan','Grace','Diego',
        'Mei','Samuel','Isabela','Jonas','Fatima','Marcus','Elena','Tomás','Aoife','Raj','Camille','Henry',
        'Yuki','Nadia','Owen','Ingrid','Rosa','Kwame'];
    last_names text[] := ARRAY['O''Brien','Núñez','Müller','García','D''Souza','Østergaard','Smith','Johnson',
        'Nguyen','Kim','Patel','Rossi','Dubois','Schmidt','Kowalski','Silva','Tanaka','Cohen','Murphy',
        'Lefèvre','Fernández','Anderson','Chen','Okafor','Larsen','Moreau','Ivanova','Haddad','Walsh','Romero',
        'Bauer','Costa','Singh','Wright','Jansen','Yamamoto','Brennan','López','Stewart','Hughes'];
    -- The first customers of every tenant get the names that break naive SQL and LIKE patterns.
    special_customers text[] := ARRAY['Café Zoë','O''Malley''s Pub','100% Agave Cantina','Bar_Code Lounge',
        'Brasserie Lumière','Müller''s Weinstube','Ça Va Bistro','The 50/50 Tap_House'];
    customer_names text[] := ARRAY['Café Zoë','O''Malley''s','100% Agave','Bar_Code','Blue Heron','Copper Pot',
        'Le Petit Château','Müller''s','Vine & Dine','Harbor Light','Red Barn','Smokey''s','La Piña','Juniper',
        'Oak & Ash','Twin Pines','Golden Hour','Sycamore','Salt & Stone','Maison Élise','Three Sisters',
        'Bodega Marisol','The Corkscrew','Fennel & Fig','Lantern','Driftwood','Ironwood','Saffron','Wildflower',
        'Bramble','Tidewater','Hearth','North Star','Cedar & Vine','Magnolia','Brass Monkey','Sol y Sombra',
        'Kōji','Les Deux Amis','Crème'];
    customer_kinds text[] := ARRAY['Bistro','Wine Bar','Restaurant','Wine Shop','Liquor Store','Tavern',
        'Brasserie','Market','Grill','Trattoria','Steakhouse','Bottle Shop','Hotel','Kitchen','Café','Taproom',
        'Cantina','Oyster Bar','Bistro','Restaurant','Wine Shop'];
    supplier_names text[] := ARRAY['Vinos del Sol Importers','Maison Béranger Sélections','Pacific Coast Distilling',
        'Agave Azul S.A. de C.V.','Nordic Spirits AB','Kura Imports','Riverbend Cider Co.','Hoppy Trails Brewing',
        'Tenuta dell''Orso','Quinta do Vale Exports','Weingut Grünberg','Fog City Brewing','Highland Cask Ltd',
        'Cidrerie Bélanger','Willamette Valley Growers','Cape Vineyards (Pty)','Bodegas Peñalta','Old Tom''s Gin Co.',
        'Orchard Lane Farms','Sonoma Bench Wines'];
    supplier_countries text[] := ARRAY['Spain','France','USA','Mexico','Sweden','Japan','USA','USA','Italy',
        'Portugal','Germany','USA','Scotland','Canada','USA','South Africa','Argentina','England','USA','USA'];
    wine_brands text[] := ARRAY['Domaine Laurène','Bodega Peñalta','Weingut Grünberg','Harbor Ridge','Two Rivers',
        'Fox & Hound','Château Belair-Roux','Tenuta dell''Orso','Quinta do Vale','Sonoma Bench','Willamette Bluff',
        'Clos Saint-Rémy','Cantina Rossetti','Kloof Street','Maison Ardoise'];
    wine_items text[] := ARRAY['Pinot Noir','Chardonnay','Cabernet Sauvignon','Sauvignon Blanc','Rosé','Riesling',
        'Malbec','Tempranillo Crianza','Grüner Veltliner','Prosecco DOC','Brut Champagne','Syrah','Chenin Blanc',
        'Zinfandel','Nebbiolo','Albariño'];
    spirit_brands text[] := ARRAY['100% Agave Co.','Old Tom''s','Highland Cask','Copperworks','Black Pine',
        'Casa Azul','Lindqvist','Pier 7 Distilling','Maison Duclos'];
    spirit_items text[] := ARRAY['Reposado Tequila','Blanco Tequila','Single Malt 12 Year','London Dry Gin',
        'Small Batch Bourbon','Mezcal Joven','Añejo Rum','Rye Whiskey','VSOP Cognac','Aquavit','Amaro'];
    beer_brands text[] := ARRAY['Hoppy Trails','Fog City Brewing','Bar_Code Brewing','Northbound','Tidewater Ales'];
    beer_items text[] := ARRAY['West Coast IPA','Pilsner','Oatmeal Stout','Saison','Hazy IPA','Amber Lager'];
    cider_brands text[] := ARRAY['Orchard Lane','Riverbend Cider','Cidrerie Bélanger'];
    cider_items text[] := ARRAY['Dry Cider','Rosé Cider','Perry','Semi-Sweet Cider'];
    sake_brands text[] := ARRAY['Kōjin Shuzō','Yamada Brewery','Hakuba'];
    sake_items text[] := ARRAY['Junmai Ginjo','Nigori','Daiginjo','Junmai'];
    activity_notes text[] := ARRAY['Buyer wants 10% off on 5+ cases','Asked whether O''Malley''s account can move to net 45',
        'Follow up next week','Interested in the 100% agave tequilas','Needs invoice copies with PO_number on them',
        'Owner on vacation until the 15th','Running low on the house red','Left samples with the bar manager',
        'Wants an allocation of Brut Champagne for New Year''s Eve','Complained about a late delivery',
        'New sommelier starts next month — reintroduce portfolio','Menu goes 50% natural wine in spring'];
    task_titles text[] := ARRAY['Send updated price list','Collect overdue payment','Schedule staff tasting',
        'Update account contact','Confirm delivery window','Prepare quarterly review','Follow up on sample request',
        'Fix billing address','Set up portal access','Get a copy of the renewed liquor license'];
    objectives text[] := ARRAY['Introduce fall portfolio','Win back lost volume','Collect payment',
        'Present holiday program','Taste new arrivals','Review pricing tier','Expand spirits placement'];
    n_rows bigint;
BEGIN
    IF scale IS NULL OR scale < 1 THEN
        RAISE EXCEPTION 'leora_seed: scale must be a positive integer, got %', scale;
    END IF;
    IF EXISTS (SELECT 1 FROM tenants) THEN
        RAISE EXCEPTION 'leora_seed: the database already has tenants; seed an empty database';
    END IF;

    DROP TABLE IF EXISTS _seed_t, _seed_sizes, _seed_u, _seed_reps, _seed_c, _seed_pu, _seed_cp, _seed_s,
        _seed_p, _seed_sku, _seed_o0, _seed_o, _seed_l, _seed_i0, _seed_i, _seed_sub, _seed_ev, _seed_ga, _seed_gc, _seed_gk, _seed_gl;

    -- Tenants and how many rows of each kind they get.
    CREATE TEMP TABLE _seed_t AS
    SELECT leora_id('tenant/' || v.slug) AS tid, v.*,
           10 + round(14 * v.f * scale ^ 0.25)::int            AS n_users,
           greatest(12, round(250 * v.f * scale))::int        AS n_customers,
           6 + round(10 * v.f * scale ^ 0.25)::int             AS n_suppliers,
           20 + round(100 * v.f * scale ^ 0.25)::int           AS n_products,
           greatest(40, round(1000 * v.f * scale))::int       AS n_orders,
           greatest(5, round(130 * v.f * scale))::int         AS n_extra_invoices,
           greatest(20, round(1500 * v.f * scale))::int       AS n_activities,
           greatest(10, round(250 * v.f * scale))::int        AS n_call_plans,
           greatest(10, round(300 * v.f * scale))::int        AS n_tasks,
           greatest(10, round(300 * v.f * scale))::int        AS n_price_entries,
           greatest(20, round(600 * v.f * scale))::int        AS n_events
    FROM (VALUES
        ('well-crafted', 'Well Crafted', 'WC', 1.1, 'USD', 'America/Los_Angeles', 'wellcrafted.com', 1, true,
         ARRAY['San Francisco','Oakland','Napa','Sonoma','Healdsburg','Los Angeles','San Diego','Sacramento',
               'Paso Robles','Portland','Seattle','Walla Walla','Boise','Coeur d''Alene','Santa Fe','Denver'],
         ARRAY['CA','CA','CA','CA','CA','CA','CA','CA','CA','OR','WA','WA','ID','ID','NM','CO'],
         ARRAY['415','510','707','707','707','213','619','916','805','503','206','509','208','208','505','303'],
         ARRAY['Main Warehouse','Oakland DC','Napa Bonded']),
        ('harbor-wines', 'Harbor Wines', 'HW', 1.0, 'USD', 'America/New_York', 'harborwines.com', 7, true,
         ARRAY['New York','Brooklyn','Hoboken','Boston','Providence','Newport','New Haven','Philadelphia',
               'Charleston','Asheville','Portland'],
         ARRAY['NY','NY','NJ','MA','RI','RI','CT','PA','SC','NC','ME'],
         ARRAY['212','718','201','617','401','401','203','215','843','828','207'],
         ARRAY['Harbor Warehouse','Brooklyn Annex']),
        ('north-cellars', 'North Cellars', 'NC', 0.9, 'CAD', 'America/Toronto', 'northcellars.ca', 4, false,
         ARRAY['Toronto','Montréal','Québec City','Ottawa','Niagara-on-the-Lake','Kelowna','Vancouver','Halifax',
               'St. John''s','Calgary'],
         ARRAY['ON','QC','QC','ON','ON','BC','BC','NS','NL','AB'],
         ARRAY['416','514','418','613','905','250','604','902','709','403'],
         ARRAY['Toronto Warehouse','Montréal Depot'])
    ) AS v(slug, name, prefix, f, currency, timezone, domain, fiscal_month, portal_enabled,
           cities, states, area_codes, locations);

    INSERT INTO tenants (id, slug, name, status, created_at)
    SELECT tid, slug, name, 'ACTIVE', anchor - interval '1500 days' + (f * interval '40 days')
    FROM _seed_t;

    INSERT INTO tenant_settings (id, tenant_id, default_currency, timezone, fiscal_year_start_month, portal_enabled)
    SELECT leora_id(tid || '/settings'), tid, currency, timezone, fiscal_month, portal_enabled FROM _seed_t;

    -- Roles and their permission keys.
    INSERT INTO roles (id, tenant_id, name, is_system)
    SELECT leora_id(t.tid || '/role/' || r.name), t.tid, r.name, r.is_system
    FROM _seed_t t
    CROSS JOIN (VALUES ('Admin', true), ('Sales Manager', true), ('Sales Rep', true),
                       ('Support', false), ('Warehouse', false)) AS r(name, is_system);

    INSERT INTO permissions (id, tenant_id, role_id, key)
    SELECT leora_id(t.tid || '/role/' || r.name || '/' || k), t.tid, leora_id(t.tid || '/role/' || r.name), k
    FROM _seed_t t
    CROSS JOIN (VALUES
        ('Admin', ARRAY['orders.view','orders.edit','customers.view','customers.edit','invoices.view',
                        'invoices.edit','inventory.view','inventory.edit','reports.view','users.manage',
                        'settings.manage','webhooks.manage']),
        ('Sales Manager', ARRAY['orders.view','orders.edit','customers.view','customers.edit','invoices.view',
                                'inventory.view','reports.view','users.manage']),
        ('Sales Rep', ARRAY['orders.view','orders.edit','customers.view','customers.edit','inventory.view']),
        ('Support', ARRAY['orders.view','customers.view','invoices.view','reports.view']),
        ('Warehouse', ARRAY['orders.view','inventory.view','inventory.edit'])
    ) AS r(name, keys)
    CROSS JOIN LATERAL unnest(r.keys) AS k;

    -- Staff. (first, last) pairs are distinct for n ≤ 1,600, so e-mails are unique per tenant.
    CREATE TEMP TABLE _seed_u AS
    SELECT t.tid, n, leora_id(t.tid || '/user/' || n) AS id, h,
           first_names[1 + (n - 1) % 40] AS first_name,
           last_names[1 + ((n - 1) / 40 + (n - 1) * 7) % 40] AS last_name,
           CASE WHEN n = 1 THEN 'Admin' WHEN n = 2 THEN 'Sales Manager' WHEN n % 9 = 0 THEN 'Support'
                WHEN n % 11 = 0 THEN 'Warehouse' ELSE 'Sales Rep' END AS role_name,
           CASE WHEN n > 2 AND n % 10 = 7 THEN 'INVITED' WHEN n > 2 AND n % 13 = 4 THEN 'DISABLED'
                ELSE 'ACTIVE' END::"UserStatus" AS status,
           t.domain
    FROM _seed_t t
    CROSS JOIN generate_series(1, t.n_users) AS n
    CROSS JOIN LATERAL (SELECT md5(t.tid || '/user/' || n || '#') AS h OFFSET 0) x;

    INSERT INTO users (id, tenant_id, email, full_name, status, role_id, hashed_password, last_login_at, created_at)
    SELECT u.id, u.tid,
           leora_ascii(u.first_name) || '.' || leora_ascii(u.last_name)
               || CASE WHEN u.n > 1600 THEN u.n::text ELSE '' END || '@' || u.domain,
           u.first_name || ' ' || u.last_name,
           u.status,
           CASE WHEN u.status = 'INVITED' OR leora_u(u.h, 0) < 0.10 THEN NULL
                ELSE leora_id(u.tid || '/role/' || u.role_name) END,
           '$2b$12$' || md5(u.id || '/pw') || substr(md5(u.id || '/salt'), 1, 21),
           CASE WHEN u.status = 'INVITED' OR leora_u(u.h, 1) < 0.10 THEN NULL
                ELSE anchor - leora_u(u.h, 2) ^ 2 * interval '60 days' END,
           anchor - interval '1400 days' + (u.n - 1) * interval '9 days' + leora_u(u.h, 3) * interval '8 hours'
    FROM _seed_u u;

    -- Who can own accounts: reps and managers who accepted their invitation (some since disabled).
    CREATE TEMP TABLE _seed_reps AS
    SELECT tid, id, row_number() OVER (PARTITION BY tid ORDER BY n)::int AS k
    FROM _seed_u WHERE role_name IN ('Sales Rep', 'Sales Manager') AND status <> 'INVITED';
    ANALYZE _seed_reps;
    -- Kept on the tenant row so "the k-th rep" is a plain equality the planner can hash.
    ALTER TABLE _seed_t ADD COLUMN n_reps integer;
    UPDATE _seed_t t SET n_reps = (SELECT count(*) FROM _seed_reps r WHERE r.tid = t.tid);

    -- Customers, created steadily from four years to one month before the anchor (n ascending),
    -- so an order can only go to a customer that existed on its date.
    CREATE TEMP TABLE _seed_c AS
    SELECT t.tid, n, leora_id(t.tid || '/customer/' || n) AS id, h, t.n_customers AS nc,
           t.prefix || '-' || lpad(n::text, greatest(5, length(n::text)), '0') AS account_number,
           CASE WHEN t.slug = 'well-crafted' AND n = 42 THEN 'O''Malley''s Bistro & Wine Bar'
                WHEN n <= cardinality(special_customers) THEN special_customers[n]
                ELSE leora_pick(customer_names, leora_u(h, 0)) || ' ' || leora_pick(customer_kinds, leora_u(h, 1))
           END AS name,
           CASE WHEN t.slug = 'well-crafted' AND n = 42 THEN 'AT_RISK'
                WHEN leora_u(h2, 0) < 0.72 THEN 'ACTIVE' WHEN leora_u(h2, 0) < 0.84 THEN 'AT_RISK'
                WHEN leora_u(h2, 0) < 0.95 THEN 'DORMANT' ELSE 'CLOSED' END::"CustomerStatus" AS status,
           CASE WHEN t.slug = 'well-crafted' AND n = 42 THEN 'PREFERRED'
                WHEN leora_u(h2, 1) < 0.65 THEN 'STANDARD' WHEN leora_u(h2, 1) < 0.90 THEN 'PREFERRED'
                ELSE 'VIP' END::"CustomerTier" AS tier,
           1 + floor(leora_u(h2, 2) * cardinality(t.cities))::int AS place,
           anchor - interval '1460 days' + ((n - 1)::float8 / t.n_customers) * interval '1430 days'
               + leora_u(h2, 3) * interval '10 hours' AS created_at,
           t.cities, t.states, t.area_codes
    FROM _seed_t t
    CROSS JOIN generate_series(1, t.n_customers) AS n
    CROSS JOIN LATERAL (SELECT md5(t.tid || '/customer/' || n || '#') AS h,
                               md5(t.tid || '/customer/' || n || '#2') AS h2 OFFSET 0) x;
    ANALYZE _seed_c;

    INSERT INTO customers (id, tenant_id, account_number, name, email, phone, city, state, tier, status,
                           sales_rep_id, created_at)
    SELECT c.id, c.tid, c.account_number, c.name,
           CASE WHEN leora_u(c.h, 2) < 0.15 THEN NULL
                ELSE leora_pick(ARRAY['orders','buyer','info','purchasing','gm','wine'], leora_u(c.h, 3))
                     || '@' || leora_ascii(c.name) || '.example.com' END,
           CASE WHEN leora_u(c.h, 3) < 0.13 THEN NULL
                ELSE '(' || c.area_codes[c.place] || ') 555-' || lpad((c.n % 10000)::text, 4, '0') END,
           CASE WHEN (c.n * 7) % 100 < 14 THEN NULL ELSE c.cities[c.place] END,
           CASE WHEN (c.n * 7) % 100 < 11 THEN NULL ELSE c.states[c.place] END,
           c.tier, c.status,
           CASE WHEN (c.n * 13) % 100 < 12 THEN NULL ELSE r.id END,
           c.created_at
    FROM _seed_c c
    JOIN _seed_t t ON t.tid = c.tid
    JOIN _seed_reps r ON r.tid = c.tid
                     AND r.k = 1 + floor(leora_u(md5(c.id || '/rep'), 0) * t.n_reps)::int;

    -- Portal logins: about a third of customers have one (some two).
    CREATE TEMP TABLE _seed_pu AS
    SELECT t.tid, g.n, leora_id(t.tid || '/portal-user/' || g.n) AS id, x.h, c.id AS customer_id, c.n AS c,
           c.name AS customer_name, c.created_at AS customer_created_at,
           first_names[1 + (g.n + 16) % 40] AS first_name,
           last_names[1 + ((g.n + 16) / 40 + (g.n + 16) * 7) % 40] AS last_name,
           CASE WHEN leora_u(x.h, 1) < 0.80 THEN 'ACTIVE' WHEN leora_u(x.h, 1) < 0.92 THEN 'INVITED'
                ELSE 'DISABLED' END::"UserStatus" AS status
    FROM _seed_t t
    CROSS JOIN generate_series(1, greatest(4, round(t.n_customers * 0.35)::int)) AS g(n)
    CROSS JOIN LATERAL (SELECT md5(t.tid || '/portal-user/' || g.n || '#') AS h OFFSET 0) x
    JOIN _seed_c c ON c.tid = t.tid AND c.n = 1 + floor(leora_u(x.h, 0) * t.n_customers)::int;
    ANALYZE _seed_pu;

    INSERT INTO portal_users (id, tenant_id, customer_id, email, full_name, status, last_login_at, created_at)
    SELECT p.id, p.tid, p.customer_id,
           leora_ascii(p.first_name) || '.' || leora_ascii(p.last_name) || p.n || '@'
               || leora_ascii(p.customer_name) || '.example.com',
           p.first_name || ' ' || p.last_name, p.status,
           CASE WHEN p.status = 'INVITED' OR leora_u(p.h, 2) < 0.05 THEN NULL
                ELSE anchor - leora_u(p.h, 3) ^ 2 * interval '200 days' END,
           greatest(p.customer_created_at, anchor - interval '800 days') + interval '3 days'
               + leora_u(p.h, 3) * interval '20 days'
    FROM _seed_pu p;

    CREATE TEMP TABLE _seed_cp AS
    SELECT DISTINCT ON (tid, c) tid, c, id FROM _seed_pu WHERE status <> 'INVITED' ORDER BY tid, c, n;
    ANALYZE _seed_cp;

    INSERT INTO portal_sessions (id, tenant_id, portal_user_id, token, expires_at, created_at, ip_address)
    SELECT leora_id(p.id || '/session/' || s), p.tid, p.id,
           'ps_' || md5(p.id || '/token/' || s) || md5(p.id || '/token2/' || s),
           x.created_at + interval '14 days', x.created_at,
           CASE WHEN leora_u(x.h, 1) < 0.15 THEN NULL
                WHEN leora_u(x.h, 2) < 0.5 THEN '203.0.113.' || (1 + floor(leora_u(x.h, 3) * 254))::int
                ELSE '198.51.100.' || (1 + floor(leora_u(x.h, 3) * 254))::int END
    FROM _seed_pu p
    CROSS JOIN generate_series(1, 1 + floor(leora_u(p.h, 0) * 5)::int) AS s
    CROSS JOIN LATERAL (SELECT md5(p.id || '/session/' || s || '#') AS h,
                               anchor - leora_u(md5(p.id || '/session/' || s || '#'), 0) * interval '120 days'
                                   AS created_at OFFSET 0) x
    WHERE p.status = 'ACTIVE';

    -- Catalogue.
    INSERT INTO suppliers (id, tenant_id, name, country)
    SELECT leora_id(t.tid || '/supplier/' || n), t.tid,
           supplier_names[1 + (n - 1) % 20] || CASE WHEN n > 20 THEN ' ' || ((n - 1) / 20 + 1) ELSE '' END,
           CASE WHEN n % 5 = 2 THEN NULL ELSE supplier_countries[1 + (n - 1) % 20] END
    FROM _seed_t t CROSS JOIN generate_series(1, t.n_suppliers) AS n;

    CREATE TEMP TABLE _seed_sizes (category text, j int, size text, units_per_case int, price_factor numeric);
    INSERT INTO _seed_sizes VALUES
        ('Wine', 1, '750ml', 12, 1.0), ('Wine', 2, '1.5L', 6, 2.1), ('Wine', 3, '375ml', 24, 0.55),
        ('Spirits', 1, '750ml', 12, 1.0), ('Spirits', 2, '1L', 12, 1.3), ('Spirits', 3, '1.75L', 6, 2.2),
        ('Beer', 1, '12oz 6-pack', 4, 1.0), ('Beer', 2, '16oz 4-pack', 6, 1.1), ('Beer', 3, '1/6 barrel keg', 1, 9.0),
        ('Cider', 1, '12oz 6-pack', 4, 1.0), ('Cider', 2, '750ml', 12, 1.3),
        ('Sake', 1, '720ml', 6, 1.0), ('Sake', 2, '300ml', 12, 0.45), ('Sake', 3, '1.8L', 6, 2.2);

    CREATE TEMP TABLE _seed_p AS
    SELECT t.tid, t.prefix, n, leora_id(t.tid || '/product/' || n) AS id, h, t.n_suppliers, x.category,
           (SELECT count(*) FROM _seed_sizes z WHERE z.category = x.category)::int AS n_sizes
    FROM _seed_t t
    CROSS JOIN generate_series(1, t.n_products) AS n
    CROSS JOIN LATERAL (SELECT md5(t.tid || '/product/' || n || '#') AS h OFFSET 0) hh
    CROSS JOIN LATERAL (SELECT CASE WHEN leora_u(hh.h, 0) < 0.55 THEN 'Wine' WHEN leora_u(hh.h, 0) < 0.80 THEN 'Spirits'
                                    WHEN leora_u(hh.h, 0) < 0.90 THEN 'Beer' WHEN leora_u(hh.h, 0) < 0.95 THEN 'Cider'
                                    ELSE 'Sake' END AS category OFFSET 0) x;
    ANALYZE _seed_p;

    INSERT INTO products (id, tenant_id, name, category, brand, status, supplier_id, created_at)
    SELECT p.id, p.tid,
           coalesce(b.brand, 'House') || ' ' || b.item
               || CASE WHEN p.category = 'Wine' AND leora_u(p.h, 3) < 0.6
                       THEN ' ' || (2015 + floor(leora_u(p.h, 2) * 9))::int ELSE '' END,
           p.category, b.brand,
           CASE WHEN p.n % 14 = 5 THEN 'DRAFT' WHEN p.n % 12 = 7 THEN 'DISCONTINUED' ELSE 'ACTIVE' END::"ProductStatus",
           CASE WHEN p.n % 8 = 3 THEN NULL
                ELSE leora_id(p.tid || '/supplier/' || (1 + floor(leora_u(p.h, 2) * p.n_suppliers)::int)) END,
           anchor - interval '1500 days' + leora_u(p.h, 3) * interval '1400 days'
    FROM _seed_p p
    CROSS JOIN LATERAL (SELECT
        CASE WHEN p.n % 9 = 4 THEN NULL ELSE CASE p.category
            WHEN 'Wine' THEN leora_pick(wine_brands, leora_u(p.h, 1)) WHEN 'Spirits' THEN leora_pick(spirit_brands, leora_u(p.h, 1))
            WHEN 'Beer' THEN leora_pick(beer_brands, leora_u(p.h, 1)) WHEN 'Cider' THEN leora_pick(cider_brands, leora_u(p.h, 1))
            ELSE leora_pick(sake_brands, leora_u(p.h, 1)) END END AS brand,
        CASE p.category
            WHEN 'Wine' THEN leora_pick(wine_items, leora_u(p.h, 2)) WHEN 'Spirits' THEN leora_pick(spirit_items, leora_u(p.h, 2))
            WHEN 'Beer' THEN leora_pick(beer_items, leora_u(p.h, 2)) WHEN 'Cider' THEN leora_pick(cider_items, leora_u(p.h, 2))
            ELSE leora_pick(sake_items, leora_u(p.h, 2)) END AS item) b;

    -- One to three sizes per product; the first size is the one most orders use.
    CREATE TEMP TABLE _seed_sku AS
    SELECT p.tid, p.n AS pn, z.j, p.id AS product_id, leora_id(p.id || '/sku/' || z.j) AS id,
           p.prefix || '-' || lpad(p.n::text, 4, '0') || '-' || z.j AS code, z.size, z.units_per_case,
           round((CASE p.category WHEN 'Wine' THEN 11 + 64 * leora_u(p.h, 3) ^ 2
                                  WHEN 'Spirits' THEN 22 + 73 * leora_u(p.h, 3) ^ 2
                                  WHEN 'Beer' THEN 9 + 7 * leora_u(p.h, 3)
                                  WHEN 'Cider' THEN 8 + 6 * leora_u(p.h, 3)
                                  ELSE 14 + 41 * leora_u(p.h, 3) END)::numeric * z.price_factor, 2) AS base_price,
           1 + floor(leora_u(p.h, 1) * p.n_sizes)::int AS n_skus
    FROM _seed_p p
    JOIN _seed_sizes z ON z.category = p.category AND z.j <= 1 + floor(leora_u(p.h, 1) * p.n_sizes)::int;
    ANALYZE _seed_sku;

    INSERT INTO skus (id, tenant_id, product_id, code, size, units_per_case, base_price)
    SELECT id, tid, product_id, code, size, units_per_case, base_price FROM _seed_sku;

    -- Stock per SKU and location; about one in six is below its reorder point.
    INSERT INTO inventory (id, tenant_id, sku_id, location, on_hand, reserved, updated_at, reorder_point)
    SELECT leora_id(s.id || '/inventory/' || loc.i), s.tid, s.id, loc.name, x.on_hand,
           floor(leora_u(x.h, 2) * least(x.on_hand, 40))::int,
           anchor - leora_u(x.h, 3) * interval '30 days', x.reorder_point
    FROM _seed_sku s
    JOIN _seed_t t ON t.tid = s.tid
    CROSS JOIN LATERAL unnest(t.locations) WITH ORDINALITY AS loc(name, i)
    CROSS JOIN LATERAL (SELECT md5(s.id || '/inventory/' || loc.i || '#') AS h OFFSET 0) hh
    CROSS JOIN LATERAL (SELECT hh.h,
                               (2 + floor(leora_u(hh.h, 0) * 4)::int) * greatest(1, s.units_per_case / 2) AS reorder_point,
                               CASE WHEN leora_u(hh.h, 1) < 0.17
                                    THEN floor(leora_u(hh.h, 1) / 0.17 * (2 + floor(leora_u(hh.h, 0) * 4)::int)
                                               * greatest(1, s.units_per_case / 2))::int
                                    ELSE (6 + floor(leora_u(hh.h, 1) * 30)::int) * s.units_per_case END AS on_hand
                        OFFSET 0) x
    WHERE loc.i = 1 OR leora_u(md5(s.id || '/stocked/' || loc.i), 0) < 0.5;

    -- Negotiated prices: per customer (tier NULL) or per tier (customer NULL).
    INSERT INTO price_list_entries (id, tenant_id, product_id, customer_id, tier, price, min_quantity, valid_from, valid_to)
    SELECT leora_id(t.tid || '/price/' || n), t.tid, s.product_id,
           CASE WHEN leora_u(h, 0) < 0.55 THEN leora_id(t.tid || '/customer/' || (1 + floor(leora_u(h, 1) * t.n_customers)::int)) END,
           CASE WHEN leora_u(h, 0) >= 0.55 THEN leora_pick(ARRAY['PREFERRED','VIP','STANDARD']::"CustomerTier"[], leora_u(h, 1)) END,
           round(s.base_price * (0.80 + 0.17 * leora_u(h, 2))::numeric, 2),
           leora_pick(ARRAY[1, 1, 6, 12, 24], leora_u(h, 3)),
           anchor - interval '700 days' + leora_u(h2, 0) * interval '690 days',
           CASE WHEN leora_u(h2, 1) < 0.35 THEN NULL
                ELSE anchor - interval '700 days' + leora_u(h2, 0) * interval '690 days'
                     + interval '90 days' + leora_u(h2, 2) * interval '275 days' END
    FROM _seed_t t
    CROSS JOIN generate_series(1, t.n_price_entries) AS n
    CROSS JOIN LATERAL (SELECT md5(t.tid || '/price/' || n || '#') AS h, md5(t.tid || '/price/' || n || '#2') AS h2 OFFSET 0) x
    JOIN _seed_sku s ON s.tid = t.tid AND s.j = 1
                    AND s.pn = 1 + floor(leora_u(md5(t.tid || '/price/' || n || '#3'), 0) * t.n_products)::int;

    -- Orders: numbered in date order over the two years before the anchor. A customer is drawn
    -- (favouring the oldest, largest accounts) among those that existed on the order date;
    -- dormant or closed accounts get a second draw for orders of the last 180 days.
    CREATE TEMP TABLE _seed_o0 AS
    SELECT t.tid, t.slug, t.prefix, t.currency, t.n_orders, n, leora_id(t.tid || '/order/' || n) AS id, h, h2, d,
           extract(epoch FROM anchor - d) / 86400 AS age_days,
           1 + floor(leora_u(h, 0) ^ 1.6 * avail)::int AS c1,
           1 + floor(leora_u(h, 3) ^ 1.6 * avail)::int AS c2
    FROM _seed_t t
    CROSS JOIN generate_series(1, t.n_orders) AS n
    CROSS JOIN LATERAL (SELECT md5(t.tid || '/order/' || n || '#') AS h, md5(t.tid || '/order/' || n || '#2') AS h2 OFFSET 0) x
    CROSS JOIN LATERAL (SELECT anchor - interval '730 days' * (1 - (n - 0.5) / t.n_orders)
                                      - leora_u(x.h, 2) * interval '12 hours' AS d OFFSET 0) y
    CROSS JOIN LATERAL (SELECT least(t.n_customers, greatest(1, floor(
                                   extract(epoch FROM y.d - (anchor - interval '1460 days')) / (1430 * 86400.0)
                                   * t.n_customers)::int)) AS avail OFFSET 0) z;
    ANALYZE _seed_o0;

    CREATE TEMP TABLE _seed_o AS
    SELECT o.tid, o.prefix, o.currency, o.n, o.id, o.h, o.h2, o.d, o.age_days,
           o.prefix || '-' || (10000 + o.n) AS number,
           CASE WHEN pick.redraw THEN c2.n ELSE c1.n END AS c,
           CASE WHEN pick.redraw THEN c2.id ELSE c1.id END AS customer_id,
           CASE WHEN pick.redraw THEN c2.tier ELSE c1.tier END AS tier,
           CASE WHEN o.slug = 'well-crafted' AND o.n = 42 THEN 'FULFILLED'
                WHEN o.age_days < 3 THEN CASE WHEN leora_u(o.h, 1) < 0.25 THEN 'DRAFT' WHEN leora_u(o.h, 1) < 0.70 THEN 'PENDING'
                                              ELSE 'CONFIRMED' END
                WHEN o.age_days < 14 THEN CASE WHEN leora_u(o.h, 1) < 0.05 THEN 'DRAFT' WHEN leora_u(o.h, 1) < 0.30 THEN 'PENDING'
                                               WHEN leora_u(o.h, 1) < 0.75 THEN 'CONFIRMED' WHEN leora_u(o.h, 1) < 0.95 THEN 'FULFILLED'
                                               ELSE 'CANCELLED' END
                ELSE CASE WHEN leora_u(o.h, 1) < 0.91 THEN 'FULFILLED' WHEN leora_u(o.h, 1) < 0.97 THEN 'CANCELLED'
                          WHEN leora_u(o.h, 1) < 0.985 THEN 'CONFIRMED' ELSE 'PENDING' END
           END::"OrderStatus" AS status,
           1 + floor(leora_u(o.h2, 0) ^ 2 * 6)::int AS n_lines
    FROM _seed_o0 o
    JOIN _seed_c c1 ON c1.tid = o.tid AND c1.n = CASE WHEN o.slug = 'well-crafted' AND o.n = 42 THEN 42 ELSE o.c1 END
    JOIN _seed_c c2 ON c2.tid = o.tid AND c2.n = o.c2
    CROSS JOIN LATERAL (SELECT c1.status IN ('DORMANT', 'CLOSED') AND o.age_days < 180
                                   AND NOT (o.slug = 'well-crafted' AND o.n = 42) AS redraw OFFSET 0) pick;
    ANALYZE _seed_o;

    -- Lines first, so each order's total is exactly the sum of its lines.
    CREATE TEMP TABLE _seed_gl AS
    SELECT o.tid, o.id, o.n, o.tier, g.j, md5(o.id || '/line/' || g.j || '#') AS h, md5(o.id || '/line/' || g.j || '#2') AS h2
    FROM _seed_o o CROSS JOIN generate_series(1, o.n_lines) AS g(j);
    ANALYZE _seed_gl;

    CREATE TEMP TABLE _seed_l AS
    SELECT x.tid, x.id AS order_id, x.n AS on_, x.j, leora_id(x.id || '/line/' || x.j) AS id,
           s.product_id, CASE WHEN leora_u(x.h, 2) < 0.12 THEN NULL ELSE s.id END AS sku_id,
           q.quantity, q.unit_price,
           CASE WHEN leora_u(x.h, 3) < 0.70 THEN 0.00
                ELSE round(q.quantity * q.unit_price * (0.02 + 0.10 * leora_u(x.h2, 1))::numeric, 2) END AS discount
    FROM _seed_gl x
    JOIN _seed_t t ON t.tid = x.tid
    JOIN _seed_sku s ON s.tid = x.tid
                    AND s.pn = 1 + floor(leora_u(x.h, 0) ^ 2 * t.n_products)::int
                    AND s.j = 1 + floor(leora_u(x.h, 1) ^ 2 * s.n_skus)::int
    CROSS JOIN LATERAL (SELECT leora_pick(ARRAY[1, 2, 3, 6, 6, 12, 12, 12, 24, 36], leora_u(x.h2, 0)) AS quantity,
                               round(s.base_price * CASE x.tier WHEN 'VIP' THEN 0.90 WHEN 'PREFERRED' THEN 0.95
                                                                ELSE 1.00 END, 2) AS unit_price OFFSET 0) q;

    INSERT INTO orders (id, tenant_id, number, customer_id, portal_user_id, sales_rep_id, status, order_date,
                        delivery_date, total, currency)
    SELECT o.id, o.tid, o.number, o.customer_id,
           CASE WHEN leora_u(o.h2, 1) < 0.45 THEN cp.id END,
           CASE WHEN leora_u(o.h2, 2) < 0.12 THEN NULL ELSE cust.sales_rep_id END,
           o.status, o.d,
           CASE WHEN o.status = 'FULFILLED' AND leora_u(o.h2, 3) >= 0.07
                    THEN least(anchor, o.d + interval '1 day' + leora_u(o.h2, 3) * interval '6 days')
                WHEN o.status = 'CONFIRMED' AND leora_u(o.h2, 3) < 0.5
                    THEN o.d + interval '2 days' + leora_u(o.h2, 3) * interval '8 days' END,
           coalesce(l.total, 0), o.currency
    FROM _seed_o o
    JOIN customers cust ON cust.id = o.customer_id
    LEFT JOIN _seed_cp cp ON cp.tid = o.tid AND cp.c = o.c
    LEFT JOIN (SELECT order_id, sum(quantity * unit_price - discount) AS total FROM _seed_l GROUP BY order_id) l
           ON l.order_id = o.id;

    INSERT INTO order_lines (id, tenant_id, order_id, product_id, sku_id, quantity, unit_price, discount)
    SELECT id, tid, order_id, product_id, sku_id, quantity, unit_price, discount FROM _seed_l;

    -- Invoices: one per confirmed or fulfilled order, plus standalone ones (events, samples,
    -- deposits) with no order. How much was paid depends on how long ago the invoice fell due.
    CREATE TEMP TABLE _seed_i0 AS
    SELECT so.tid, leora_id(o.id || '/invoice') AS id, so.prefix || '-INV-' || (10000 + so.n) AS number,
           o.customer_id, o.id AS order_id, x.issued_at, x.terms, o.total, md5(o.id || '/invoice#') AS h
    FROM orders o
    JOIN _seed_o so ON so.id = o.id
    CROSS JOIN LATERAL (SELECT o.order_date + interval '12 hours' + leora_u(so.h2, 0) * interval '1 day' AS issued_at,
                               leora_pick(ARRAY[30, 30, 30, 15, 45, 60], leora_u(so.h, 3)) AS terms OFFSET 0) x
    WHERE o.status IN ('CONFIRMED', 'FULFILLED') AND x.issued_at < anchor
    UNION ALL
    SELECT t.tid, leora_id(t.tid || '/invoice/' || n), t.prefix || '-INV-S' || lpad(n::text, 5, '0'),
           leora_id(t.tid || '/customer/' || (1 + floor(leora_u(x.h, 0) ^ 1.6 * t.n_customers)::int)),
           NULL, anchor - leora_u(x.h, 1) * interval '720 days',
           leora_pick(ARRAY[15, 30], leora_u(x.h, 2)),
           round((50 + 2450 * leora_u(x.h, 3) ^ 2)::numeric, 2), md5(x.h)
    FROM _seed_t t
    CROSS JOIN generate_series(1, t.n_extra_invoices) AS n
    CROSS JOIN LATERAL (SELECT md5(t.tid || '/invoice/' || n || '#') AS h OFFSET 0) x;

    CREATE TEMP TABLE _seed_i AS
    SELECT i.*, y.mode, y.n_payments, y.paid,
           CASE y.mode WHEN 'void' THEN 'VOID' WHEN 'draft' THEN 'DRAFT'
                ELSE CASE WHEN y.paid = i.total THEN 'PAID' WHEN i.due_at < anchor THEN 'OVERDUE' ELSE 'OPEN' END
           END::"InvoiceStatus" AS status,
           CASE WHEN y.mode = 'void' THEN 0.00 ELSE i.total - y.paid END AS balance_due
    FROM (SELECT i0.*, i0.issued_at + i0.terms * interval '1 day' AS due_at,
                 extract(epoch FROM anchor - (i0.issued_at + i0.terms * interval '1 day')) / 86400 AS days_past_due
          FROM _seed_i0 i0) i
    CROSS JOIN LATERAL (SELECT CASE
              WHEN leora_u(i.h, 0) < 0.015 THEN 'void'
              WHEN i.issued_at > anchor - interval '2 days' AND leora_u(i.h, 1) < 0.5 THEN 'draft'
              WHEN i.days_past_due > 90 THEN CASE WHEN leora_u(i.h, 2) < 0.97 THEN 'full' WHEN leora_u(i.h, 2) < 0.99 THEN 'partial' ELSE 'none' END
              WHEN i.days_past_due > 0 THEN CASE WHEN leora_u(i.h, 2) < 0.70 THEN 'full' WHEN leora_u(i.h, 2) < 0.82 THEN 'partial' ELSE 'none' END
              ELSE CASE WHEN leora_u(i.h, 2) < 0.35 THEN 'full' WHEN leora_u(i.h, 2) < 0.42 THEN 'partial' ELSE 'none' END
          END AS mode OFFSET 0) m
    CROSS JOIN LATERAL (SELECT m.mode,
              CASE m.mode WHEN 'full' THEN CASE WHEN leora_u(i.h, 3) < 0.2 THEN 2 ELSE 1 END WHEN 'partial' THEN 1 ELSE 0 END AS n_payments,
              CASE m.mode WHEN 'full' THEN i.total
                          WHEN 'partial' THEN round(i.total * (0.2 + 0.5 * leora_u(i.h, 3))::numeric, 2)
                          ELSE 0.00 END AS paid OFFSET 0) y;

    INSERT INTO invoices (id, tenant_id, number, customer_id, order_id, status, issued_at, due_at, total, balance_due)
    SELECT id, tid, number, customer_id, order_id, status, issued_at, due_at, total, balance_due FROM _seed_i;

    INSERT INTO payments (id, tenant_id, invoice_id, amount, method, received_at, reference)
    SELECT leora_id(i.id || '/payment/' || p), i.tid, i.id,
           CASE WHEN i.n_payments = 1 THEN i.paid
                WHEN p = 1 THEN round(i.paid / 2, 2) ELSE i.paid - round(i.paid / 2, 2) END,
           x.method,
           least(anchor - interval '1 hour',
                 i.issued_at + i.terms * interval '1 day' * (0.4 + 0.9 * leora_u(x.h, 1)) + (p - 1) * interval '10 days'),
           CASE WHEN x.method = 'CASH' OR leora_u(x.h, 2) < 0.10 THEN NULL
                WHEN x.method = 'CHECK' THEN 'CHK ' || (1000 + floor(leora_u(x.h, 3) * 9000)::int)
                WHEN x.method = 'ACH' THEN 'ACH-' || upper(substr(x.h, 1, 10))
                ELSE 'ch_' || substr(x.h, 9, 24) END
    FROM _seed_i i
    CROSS JOIN generate_series(1, i.n_payments) AS p
    CROSS JOIN LATERAL (SELECT md5(i.id || '/payment/' || p) AS h OFFSET 0) hh
    CROSS JOIN LATERAL (SELECT hh.h, CASE WHEN leora_u(hh.h, 0) < 0.25 THEN 'CARD' WHEN leora_u(hh.h, 0) < 0.65 THEN 'ACH'
                                          WHEN leora_u(hh.h, 0) < 0.95 THEN 'CHECK' ELSE 'CASH' END::"PaymentMethod" AS method
                        OFFSET 0) x
    WHERE i.n_payments > 0;

    -- Activities: a third follow an order (same customer, a few days later), the rest are
    -- calls, visits, tastings on an account, by its rep when it has one.
    -- Generated rows are materialised (and analysed) before they are joined: the planner then
    -- knows their number and hashes them instead of re-hashing them per rep or per customer.
    CREATE TEMP TABLE _seed_ga AS
    SELECT t.tid, g.n, md5(t.tid || '/activity/' || g.n || '#') AS h, md5(t.tid || '/activity/' || g.n || '#2') AS h2
    FROM _seed_t t CROSS JOIN generate_series(1, t.n_activities) AS g(n);
    ANALYZE _seed_ga;

    INSERT INTO activities (id, tenant_id, customer_id, order_id, user_id, type, subject, notes, occurred_at)
    SELECT leora_id(t.tid || '/activity/' || x.n), t.tid, coalesce(o.customer_id, c.id),
           o.id, coalesce(cu.sales_rep_id, r.id), a.type,
           CASE WHEN o.id IS NOT NULL AND leora_u(x.h2, 1) < 0.6 THEN 'Follow-up on order ' || o.number
                ELSE CASE a.type
                    WHEN 'CALL' THEN leora_pick(ARRAY['Check-in call','Reorder call','Call about delivery window',
                                                      'Pricing question','Follow-up call after tasting'], leora_u(x.h2, 2))
                    WHEN 'VISIT' THEN leora_pick(ARRAY['Store visit','Menu review with the sommelier','Shelf reset',
                                                       'Staff training: spirits','Quarterly business review'], leora_u(x.h2, 2))
                    WHEN 'EMAIL' THEN leora_pick(ARRAY['Sent new price list','Holiday program details',
                                                       'Allocation offer: Brut Champagne','Invoice copy requested',
                                                       'Sent spec sheets'], leora_u(x.h2, 2))
                    WHEN 'TASTING' THEN leora_pick(ARRAY['Tasting: new Rioja lineup','Tasting: agave program',
                                                         'Staff tasting: rosés','Tasting: Sake 101',
                                                         'Tasting: grower Champagne'], leora_u(x.h2, 2))
                    ELSE leora_pick(ARRAY['Buyer changed','Prefers Tuesday deliveries','Credit hold discussed',
                                          'Wine list being rewritten','Asked for 100% of the allocation'], leora_u(x.h2, 2))
                END END,
           CASE WHEN leora_u(x.h2, 3) < 0.30 THEN NULL ELSE leora_pick(activity_notes, leora_u(x.h, 3)) END,
           CASE WHEN o.id IS NOT NULL THEN least(anchor - interval '1 hour', o.order_date + leora_u(x.h, 2) * interval '4 days')
                ELSE greatest(cu.created_at, anchor - interval '730 days' * leora_u(x.h, 2) ^ 1.3) END
    FROM _seed_t t
    JOIN _seed_ga x ON x.tid = t.tid
    CROSS JOIN LATERAL (SELECT CASE WHEN leora_u(x.h2, 0) < 0.30 THEN 'CALL' WHEN leora_u(x.h2, 0) < 0.50 THEN 'VISIT'
                                    WHEN leora_u(x.h2, 0) < 0.80 THEN 'EMAIL' WHEN leora_u(x.h2, 0) < 0.90 THEN 'TASTING'
                                    ELSE 'NOTE' END::"ActivityType" AS type OFFSET 0) a
    LEFT JOIN orders o ON leora_u(x.h, 0) < 0.33
                      AND o.id = leora_id(t.tid || '/order/' || (1 + floor(leora_u(x.h, 1) * t.n_orders)::int))
    JOIN _seed_c c ON c.tid = t.tid AND c.n = 1 + floor(leora_u(x.h, 1) ^ 1.4 * t.n_customers)::int
    JOIN customers cu ON cu.id = coalesce(o.customer_id, c.id)
    JOIN _seed_reps r ON r.tid = t.tid AND r.k = 1 + floor(leora_u(x.h, 3) * t.n_reps)::int;

    CREATE TEMP TABLE _seed_gc AS
    SELECT t.tid, g.n, x.h, date_trunc('hour', anchor - interval '90 days' + leora_u(x.h, 1) * interval '120 days') AS at
    FROM _seed_t t CROSS JOIN generate_series(1, t.n_call_plans) AS g(n)
    CROSS JOIN LATERAL (SELECT md5(t.tid || '/call-plan/' || g.n || '#') AS h OFFSET 0) x;
    ANALYZE _seed_gc;

    INSERT INTO call_plans (id, tenant_id, user_id, customer_id, scheduled_for, status, objective)
    SELECT leora_id(t.tid || '/call-plan/' || x.n), t.tid, coalesce(cu.sales_rep_id, r.id), cu.id, x.at,
           CASE WHEN x.at >= anchor THEN 'PLANNED'
                WHEN leora_u(x.h, 2) < 0.75 THEN 'COMPLETED' WHEN leora_u(x.h, 2) < 0.87 THEN 'SKIPPED'
                ELSE 'PLANNED' END::"CallPlanStatus",
           CASE WHEN leora_u(x.h, 3) < 0.20 THEN NULL ELSE leora_pick(objectives, leora_u(x.h, 3)) END
    FROM _seed_t t
    JOIN _seed_gc x ON x.tid = t.tid
    JOIN customers cu ON cu.id = leora_id(t.tid || '/customer/' || (1 + floor(leora_u(x.h, 0) * t.n_customers)::int))
    JOIN _seed_reps r ON r.tid = t.tid AND r.k = 1 + floor(leora_u(x.h, 2) * t.n_reps)::int;

    CREATE TEMP TABLE _seed_gk AS
    SELECT t.tid, g.n, md5(t.tid || '/task/' || g.n || '#') AS h, md5(t.tid || '/task/' || g.n || '#2') AS h2
    FROM _seed_t t CROSS JOIN generate_series(1, t.n_tasks) AS g(n);
    ANALYZE _seed_gk;

    INSERT INTO tasks (id, tenant_id, user_id, customer_id, title, status, priority, due_at, completed_at)
    SELECT leora_id(t.tid || '/task/' || hh.n), t.tid, u.id,
           CASE WHEN leora_u(x.h, 1) < 0.20 THEN NULL
                ELSE leora_id(t.tid || '/customer/' || (1 + floor(leora_u(x.h2, 0) * t.n_customers)::int)) END,
           leora_pick(task_titles, leora_u(x.h, 2)),
           CASE WHEN x.done THEN 'DONE' ELSE 'OPEN' END::"TaskStatus",
           CASE WHEN leora_u(x.h2, 1) < 0.30 THEN 'LOW' WHEN leora_u(x.h2, 1) < 0.80 THEN 'MEDIUM' ELSE 'HIGH' END::"TaskPriority",
           x.due_at,
           CASE WHEN x.done THEN least(anchor - interval '1 hour',
                                       coalesce(x.due_at, anchor - interval '100 days') - leora_u(x.h2, 2) * interval '3 days') END
    FROM _seed_t t
    JOIN _seed_gk hh ON hh.tid = t.tid
    CROSS JOIN LATERAL (SELECT hh.h, hh.h2,
                               CASE WHEN leora_u(hh.h, 3) < 0.15 THEN NULL
                                    ELSE date_trunc('day', anchor - interval '120 days' + leora_u(hh.h2, 3) * interval '150 days') END AS due_at,
                               leora_u(hh.h2, 3) < 0.8 * 120 / 150.0 AND leora_u(hh.h, 0) < 0.8 AS done
                        OFFSET 0) x
    JOIN _seed_u u ON u.tid = t.tid AND u.n = 1 + floor(leora_u(x.h, 0) * t.n_users)::int;

    -- Monthly health snapshots; AT_RISK accounts are sliding and their latest one is HIGH risk.
    INSERT INTO account_health_snapshots (id, tenant_id, customer_id, captured_at, score, risk_level,
                                          revenue_trend, order_frequency_days)
    SELECT leora_id(c.id || '/health/' || m), c.tid, c.id, x.captured_at, x.score,
           CASE WHEN x.score < 40 THEN 'HIGH' WHEN x.score < 65 THEN 'MEDIUM' ELSE 'LOW' END::"RiskLevel",
           CASE WHEN m = x.k - 1 OR leora_u(x.h, 1) < 0.05 THEN NULL
                ELSE round((CASE c.status WHEN 'AT_RISK' THEN -45 + 35 * leora_u(x.h, 2)
                                          WHEN 'ACTIVE' THEN -15 + 45 * leora_u(x.h, 2)
                                          ELSE -60 + 40 * leora_u(x.h, 2) END)::numeric, 2) END,
           CASE WHEN leora_u(x.h, 3) < 0.12 THEN NULL
                ELSE round((7 + 80 * leora_u(x.h, 3) ^ 2)::numeric, 2) END
    FROM _seed_c c
    CROSS JOIN LATERAL (SELECT 3 + floor(leora_u(md5(c.id || '/health'), 0) * 6)::int AS k OFFSET 0) kk
    CROSS JOIN generate_series(0, kk.k - 1) AS m
    CROSS JOIN LATERAL (SELECT kk.k, md5(c.id || '/health/' || m) AS h,
                               date_trunc('month', anchor) - m * interval '1 month' + interval '2 hours' AS captured_at,
                               least(100, CASE c.status
                                   WHEN 'AT_RISK' THEN 15 + floor(leora_u(md5(c.id || '/health'), 1) * 24)::int + m * 7
                                   WHEN 'ACTIVE' THEN 60 + floor(leora_u(md5(c.id || '/health/' || m), 0) * 36)::int
                                   WHEN 'DORMANT' THEN 30 + floor(leora_u(md5(c.id || '/health/' || m), 0) * 26)::int
                                   ELSE 10 + floor(leora_u(md5(c.id || '/health/' || m), 0) * 21)::int END) AS score
                        OFFSET 0) x
    WHERE x.captured_at >= c.created_at;

    -- Sales metrics computed from the orders just inserted: per rep and month, and company-wide.
    INSERT INTO sales_metrics (id, tenant_id, user_id, metric, period_start, period_end, value)
    SELECT leora_id(m.tenant_id || '/metric/' || coalesce(m.user_id, 'all') || '/' || m.metric || '/' || m.period_start),
           m.tenant_id, m.user_id, m.metric, m.period_start, m.period_start + interval '1 month', m.value
    FROM (
        SELECT o.tenant_id, o.sales_rep_id AS user_id, g.metric, date_trunc('month', o.order_date) AS period_start,
               CASE g.metric WHEN 'revenue' THEN sum(o.total) ELSE count(*) END AS value
        FROM orders o CROSS JOIN (VALUES ('revenue'), ('orders')) AS g(metric)
        WHERE o.sales_rep_id IS NOT NULL AND o.status IN ('CONFIRMED', 'FULFILLED')
        GROUP BY 1, 2, 3, 4
        UNION ALL
        SELECT o.tenant_id, NULL, g.metric, date_trunc('month', o.order_date),
               CASE g.metric
                   WHEN 'revenue' THEN sum(o.total) FILTER (WHERE o.status IN ('CONFIRMED', 'FULFILLED'))
                   WHEN 'orders' THEN count(*) FILTER (WHERE o.status IN ('CONFIRMED', 'FULFILLED'))
                   WHEN 'cancelled_orders' THEN count(*) FILTER (WHERE o.status = 'CANCELLED')
                   WHEN 'portal_orders' THEN count(*) FILTER (WHERE o.portal_user_id IS NOT NULL)
                   WHEN 'unassigned_revenue' THEN sum(o.total) FILTER (WHERE o.sales_rep_id IS NULL AND o.status IN ('CONFIRMED', 'FULFILLED'))
                   WHEN 'active_customers' THEN count(DISTINCT o.customer_id)
                   ELSE round(avg(o.total) FILTER (WHERE o.status IN ('CONFIRMED', 'FULFILLED')), 2) END
        FROM orders o
        CROSS JOIN (VALUES ('revenue'), ('orders'), ('cancelled_orders'), ('portal_orders'), ('unassigned_revenue'),
                           ('active_customers'), ('avg_order_value')) AS g(metric)
        GROUP BY 1, 2, 3, 4
        UNION ALL
        SELECT l.tenant_id, NULL, 'revenue:' || p.category, date_trunc('month', o.order_date),
               sum(l.quantity * l.unit_price - l.discount)
        FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN products p ON p.id = l.product_id
        WHERE o.status IN ('CONFIRMED', 'FULFILLED')
        GROUP BY 1, 2, 3, 4
    ) m
    WHERE m.value IS NOT NULL;

    -- Webhooks: a healthy ERP hook, a Zapier hook, a flaky legacy WMS, and a disabled CRM hook
    -- whose deliveries are held (PENDING, never attempted).
    CREATE TEMP TABLE _seed_sub AS
    SELECT t.tid, s.k, leora_id(t.tid || '/webhook/' || s.k) AS id,
           replace(s.url, '{domain}', t.domain) AS url, s.events, s.active
    FROM _seed_t t
    CROSS JOIN (VALUES
        (1, 'https://erp.{domain}/hooks/leora', ARRAY['order.created','order.updated','invoice.paid'], true),
        (2, 'https://hooks.zapier.com/hooks/catch/4821/leora-orders/', ARRAY['order.created','customer.updated'], true),
        (3, 'https://wms.legacy-logistics.example/inbound?source=leora&v=2', ARRAY['order.updated','inventory.low'], true),
        (4, 'https://crm-old.{domain}/webhooks/leora', ARRAY['order.created','customer.updated','invoice.paid'], false)
    ) AS s(k, url, events, active);

    INSERT INTO webhook_subscriptions (id, tenant_id, url, secret, events, active, created_at)
    SELECT id, tid, url, 'whsec_' || md5(id || '/secret'), events, active,
           anchor - interval '760 days' + k * interval '30 days'
    FROM _seed_sub;

    CREATE TEMP TABLE _seed_ev AS
    SELECT t.tid, leora_id(t.tid || '/event/' || n) AS id, hh.h, x.type,
           anchor - interval '180 days' * (1 - (n - 0.5) / t.n_events) AS created_at,
           t.prefix || '-' || (10000 + t.n_orders - floor(leora_u(hh.h, 1) * t.n_orders * 0.25)::int) AS order_number
    FROM _seed_t t
    CROSS JOIN generate_series(1, t.n_events) AS n
    CROSS JOIN LATERAL (SELECT md5(t.tid || '/event/' || n || '#') AS h OFFSET 0) hh
    CROSS JOIN LATERAL (SELECT CASE WHEN leora_u(hh.h, 0) < 0.35 THEN 'order.created' WHEN leora_u(hh.h, 0) < 0.65 THEN 'order.updated'
                                          WHEN leora_u(hh.h, 0) < 0.80 THEN 'invoice.paid' WHEN leora_u(hh.h, 0) < 0.92 THEN 'customer.updated'
                                          ELSE 'inventory.low' END AS type OFFSET 0) x;

    INSERT INTO webhook_events (id, tenant_id, type, payload, created_at)
    SELECT e.id, e.tid, e.type,
           CASE WHEN e.type LIKE 'order.%' THEN jsonb_build_object('event', e.type, 'orderNumber', e.order_number,
                                                                   'status', CASE e.type WHEN 'order.created' THEN 'PENDING' ELSE 'CONFIRMED' END)
                WHEN e.type = 'invoice.paid' THEN jsonb_build_object('event', e.type, 'invoiceNumber', replace(e.order_number, '-', '-INV-'),
                                                                     'amount', round((40 + 900 * leora_u(e.h, 2))::numeric, 2))
                WHEN e.type = 'customer.updated' THEN jsonb_build_object('event', e.type, 'changed', jsonb_build_array('phone', 'email'))
                ELSE jsonb_build_object('event', e.type, 'onHand', floor(leora_u(e.h, 2) * 10)::int, 'location', 'Main Warehouse')
           END,
           e.created_at
    FROM _seed_ev e;

    INSERT INTO webhook_deliveries (id, tenant_id, subscription_id, event_id, status, attempts, response_code,
                                    last_attempt_at, next_retry_at)
    SELECT leora_id(e.id || '/delivery/' || s.k), e.tid, s.id, e.id, x.status,
           CASE WHEN NOT s.active THEN 0
                WHEN x.status = 'FAILED' THEN 5 + floor(leora_u(x.h, 1) * 4)::int
                WHEN x.status = 'PENDING' THEN 1 + floor(leora_u(x.h, 1) * 2)::int
                ELSE CASE WHEN leora_u(x.h, 1) < 0.9 THEN 1 ELSE 2 + floor(leora_u(x.h, 2) * 2)::int END END,
           CASE WHEN NOT s.active THEN NULL
                WHEN x.status = 'SUCCEEDED' THEN leora_pick(ARRAY[200, 200, 200, 202, 204], leora_u(x.h, 2))
                ELSE leora_pick(ARRAY[500, 502, 503, 504, 404, 410, NULL, NULL]::int[], leora_u(x.h, 2)) END,
           CASE WHEN NOT s.active THEN NULL
                WHEN x.status = 'SUCCEEDED' THEN e.created_at + leora_u(x.h, 3) * interval '20 seconds'
                ELSE least(anchor - interval '1 minute', e.created_at + leora_u(x.h, 3) * interval '30 hours') END,
           CASE WHEN x.status = 'PENDING' AND s.active THEN anchor + leora_u(x.h, 3) * interval '2 hours' END
    FROM _seed_ev e
    JOIN _seed_sub s ON s.tid = e.tid AND e.type = ANY (s.events)
    CROSS JOIN LATERAL (SELECT md5(e.id || '/delivery/' || s.k) AS h OFFSET 0) hh
    CROSS JOIN LATERAL (SELECT hh.h, CASE
            WHEN NOT s.active THEN 'PENDING'
            WHEN e.created_at > anchor - interval '1 day' AND leora_u(hh.h, 0) < 0.3 THEN 'PENDING'
            WHEN leora_u(hh.h, 0) < CASE s.k WHEN 3 THEN 0.35 ELSE 0.04 END THEN 'FAILED'
            ELSE 'SUCCEEDED' END::"DeliveryStatus" AS status OFFSET 0) x;

    INSERT INTO integration_tokens (id, tenant_id, provider, access_token, refresh_token, expires_at, created_at)
    SELECT leora_id(t.tid || '/integration/' || p.provider), t.tid, p.provider,
           p.prefix || md5(t.tid || '/integration/' || p.provider || '/access'),
           CASE WHEN p.refreshes THEN 'rt_' || md5(t.tid || '/integration/' || p.provider || '/refresh') END,
           CASE WHEN p.expires THEN anchor + interval '45 minutes' + p.k * interval '7 days' END,
           anchor - interval '600 days' + p.k * interval '41 days'
    FROM _seed_t t
    CROSS JOIN (VALUES (1, 'quickbooks', 'qbo_', true, true), (2, 'shopify', 'shpat_', false, false),
                       (3, 'mailchimp', 'mc_', false, false), (4, 'salesforce', '00D', true, true),
                       (5, 'vinoshipper', 'vs_', true, true)) AS p(k, provider, prefix, refreshes, expires);

    SELECT count(*) INTO n_rows FROM orders;
    DROP TABLE _seed_t, _seed_sizes, _seed_u, _seed_reps, _seed_c, _seed_pu, _seed_cp, _seed_p, _seed_sku,
        _seed_o0, _seed_o, _seed_l, _seed_i0, _seed_i, _seed_sub, _seed_ev, _seed_ga, _seed_gc, _seed_gk, _seed_gl;
    RETURN format('Leora example seeded at scale %s: 3 tenants, %s orders (anchor %s)', scale, n_rows, anchor);
END
$seed$;

-- Only the owner seeds: lql_reader could not insert anyway, and should not even try.
REVOKE EXECUTE ON FUNCTION leora_seed(integer, timestamptz) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION leora_u(text, integer), leora_id(text), leora_pick(anyarray, double precision),
    leora_ascii(text) FROM PUBLIC;
