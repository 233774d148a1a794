-- Helpdesk example: deterministic seed data. Defines helpdesk_seed(scale); inserts nothing by
-- itself. Run as the loading superuser (it bypasses RLS) after migration.sql, rls.sql, roles.sql:
--     SELECT helpdesk_seed(1);
--
-- Same scale, same rows: ids are md5 of a stable key cast to uuid, dates count back from a fixed
-- anchor (2026-11-01T00:00:00). Three organizations of different sizes (northwind 1.2,
-- blue-harbor 1.0, cinder-labs 0.7), each with its own zone; scale 1 ≈ 100 tickets for the
-- largest. A few links cross organizations on purpose, as a buggy app might leave them (a
-- northwind ticket labelled with a blue-harbor label and watched by a blue-harbor member, a
-- cinder-labs ticket assigned to a northwind member, a blue-harbor message by a northwind
-- author): lql must never show the other organization's end of such a link.

CREATE OR REPLACE FUNCTION helpdesk_id(key text) RETURNS uuid
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT md5(key)::uuid $$;

-- u ∈ [0,1) from a stable key.
CREATE OR REPLACE FUNCTION helpdesk_u(key text) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT ('x' || substr(md5(key), 1, 8))::bit(32)::bigint / 4294967296.0::double precision $$;

CREATE OR REPLACE FUNCTION helpdesk_seed(scale integer) RETURNS text
    LANGUAGE plpgsql
    SET "TimeZone" = 'UTC'
    SET search_path = public, pg_temp
AS $seed$
DECLARE
    anchor timestamp := '2026-11-01T00:00:00';
BEGIN
    INSERT INTO countries (code, name) VALUES
        ('US', 'United States'), ('DE', 'Germany'), ('JP', 'Japan'), ('FR', 'France'), ('BR', 'Brazil'), ('IE', 'Ireland');

    CREATE TEMP TABLE seed_orgs (n int, slug text, name text, plan "Plan", zone text, size double precision, domain text) ON COMMIT DROP;
    INSERT INTO seed_orgs VALUES
        (1, 'northwind', 'Northwind Support', 'TEAM', 'America/New_York', 1.2, 'northwind.example'),
        (2, 'blue-harbor', 'Blue Harbor Help', 'ENTERPRISE', 'Europe/Berlin', 1.0, 'blueharbor.example'),
        (3, 'cinder-labs', 'Cinder Labs', 'STARTER', 'Asia/Tokyo', 0.7, 'cinder.example');

    INSERT INTO organizations (id, slug, name, plan, time_zone, created_at)
    SELECT helpdesk_id('org:' || slug), slug, name, plan, zone, anchor - (400 + 30 * n) * interval '1 day' FROM seed_orgs;

    -- Members: 3 + 3 × size (+ scale^0.5), the first of each an admin, a few viewers.
    INSERT INTO members (id, organization_id, email, name, role, password_hash, created_at)
    SELECT helpdesk_id('member:' || o.slug || ':' || i), helpdesk_id('org:' || o.slug),
           (ARRAY['ana','ben','chloé','dev','emeka','fumiko','gus','hana','ivo','jules','kai','lena'])[1 + (i + o.n) % 12] || i || '@' || o.domain,
           (ARRAY['Ana Souza','Ben O''Neil','Chloé Martin','Dev Patel','Emeka Obi','Fumiko Ito','Gus Larsen','Hana Kim','Ivo Novak','Jules Roy','Kai Berg','Lena Vogel'])[1 + (i + o.n) % 12],
           CASE WHEN i = 1 THEN 'ADMIN' WHEN i % 4 = 0 THEN 'VIEWER' ELSE 'AGENT' END::"MemberRole",
           'pbkdf2$' || md5('pw:' || o.slug || i),
           anchor - (380 - 7 * i) * interval '1 day'
    FROM seed_orgs o, generate_series(1, 3 + ceil(3 * o.size * sqrt(scale))::int) AS i;

    -- Customers: 20 × size × scale.
    INSERT INTO customers (id, organization_id, name, email, tier, country_code)
    SELECT helpdesk_id('customer:' || o.slug || ':' || i), helpdesk_id('org:' || o.slug),
           (ARRAY['Acme Corp','Globex','Initech','Umbrella','Hooli','Stark Industries','Wayne Enterprises','Café Zoë','O''Malley''s','100% Organic',
                  'Bar_Code Ltd','Müller GmbH','Soylent','Vandelay','Tyrell','Cyberdyne','Oscorp','Duff','Pied Piper','Wonka'])[1 + (i * 7 + o.n) % 20]
               || CASE WHEN i > 20 THEN ' ' || (i / 20 + 1) ELSE '' END,
           'help' || i || '@customer' || o.n || '.example',
           CASE WHEN helpdesk_u('tier:' || o.slug || i) < 0.6 THEN 'FREE' WHEN helpdesk_u('tier:' || o.slug || i) < 0.9 THEN 'PRO' ELSE 'VIP' END::"CustomerTier",
           CASE WHEN i % 7 = 0 THEN NULL ELSE (ARRAY['US','DE','JP','FR','BR','IE'])[1 + (i + o.n) % 6] END
    FROM seed_orgs o, generate_series(1, ceil(20 * o.size * scale)::int) AS i;

    -- Labels: five per organization, the same names in each (a name is not an identity).
    INSERT INTO labels (id, organization_id, name, color)
    SELECT helpdesk_id('label:' || o.slug || ':' || l.name), helpdesk_id('org:' || o.slug), l.name, l.color
    FROM seed_orgs o,
         (VALUES ('billing', '#d97706'), ('bug', '#dc2626'), ('feature', '#2563eb'), ('how-to', '#16a34a'), ('urgent', '#9333ea')) AS l(name, color);

    -- Tickets: 85 × size × scale, created over the year before the anchor.
    CREATE TEMP TABLE seed_tickets ON COMMIT DROP AS
    SELECT o.slug, o.n AS org, i,
           helpdesk_id('ticket:' || o.slug || ':' || i) AS id,
           helpdesk_u('t:' || o.slug || i) AS u,
           (SELECT count(*) FROM members m WHERE m.organization_id = helpdesk_id('org:' || o.slug)) AS members,
           ceil(20 * o.size * scale)::int AS customers
    FROM seed_orgs o, generate_series(1, ceil(85 * o.size * scale)::int) AS i;

    INSERT INTO tickets (id, organization_id, number, subject, status, priority, customer_id, assignee_id, created_at, closed_at)
    SELECT t.id, helpdesk_id('org:' || t.slug), 1000 + t.i,
           (ARRAY['Cannot log in','Invoice shows the wrong total','Export to CSV fails','How do I add a user?','App is slow since Monday',
                  'Refund for a double charge','Feature request: dark mode','Password reset e-mail never arrives','API returns 500','Change our plan'])[1 + (t.i * 3 + t.org) % 10],
           (ARRAY['OPEN','PENDING','SOLVED','CLOSED','SOLVED','CLOSED'])[1 + floor(t.u * 6)::int]::"TicketStatus",
           (ARRAY['LOW','NORMAL','NORMAL','HIGH','URGENT'])[1 + ((t.i * 7) / 3 + t.org) % 5]::"TicketPriority",
           helpdesk_id('customer:' || t.slug || ':' || (1 + (t.i * 13) % t.customers)),
           CASE WHEN t.i % 9 = 0 THEN NULL ELSE helpdesk_id('member:' || t.slug || ':' || (1 + t.i % t.members)) END,
           anchor - (365 * t.u) * interval '1 day' - (t.i % 24) * interval '1 hour',
           CASE WHEN floor(t.u * 6)::int IN (2, 3, 4, 5)
                THEN anchor - (365 * t.u) * interval '1 day' - (t.i % 24) * interval '1 hour' + (1 + t.i % 10) * interval '7 hour' END
    FROM seed_tickets t;

    -- Messages: 1–4 per ticket, through the ticket only (no key of their own).
    INSERT INTO messages (id, ticket_id, author_id, from_customer, body, sent_at)
    SELECT helpdesk_id('message:' || t.slug || ':' || t.i || ':' || k), t.id,
           CASE WHEN k % 2 = 1 THEN NULL ELSE helpdesk_id('member:' || t.slug || ':' || (1 + (t.i + k) % t.members)) END,
           k % 2 = 1,
           CASE WHEN k % 2 = 1 THEN (ARRAY['Hi, ','Hello — ','Urgent: ','Quick question: '])[1 + (t.i + k) % 4] || 'it still does not work (#' || t.i || ').'
                ELSE (ARRAY['Thanks, we are on it.','Could you send a screenshot?','Fixed in today''s release.','Closing this one.'])[1 + (t.i + k) % 4] END,
           anchor - (365 * t.u) * interval '1 day' + k * interval '3 hour'
    FROM seed_tickets t, generate_series(1, 1 + t.i % 4) AS k;

    -- Labels on tickets (implicit many-to-many: A = label, B = ticket).
    INSERT INTO "_LabelToTicket" ("A", "B")
    SELECT helpdesk_id('label:' || t.slug || ':' || l.name), t.id
    FROM seed_tickets t, (VALUES (0, 'billing'), (1, 'bug'), (2, 'feature'), (3, 'how-to'), (4, 'urgent')) AS l(k, name)
    WHERE (t.i + l.k) % 3 = 0 OR (l.name = 'urgent' AND t.i % 11 = 0);

    -- Watchers (implicit many-to-many `_Watchers`: A = member, B = ticket).
    INSERT INTO "_Watchers" ("A", "B")
    SELECT DISTINCT helpdesk_id('member:' || t.slug || ':' || (1 + (t.i * w) % t.members)), t.id
    FROM seed_tickets t, generate_series(1, 1 + t.i % 3) AS w
    WHERE t.i % 4 <> 0;

    -- The cross-organization links a buggy app could leave behind (see the top of the file).
    INSERT INTO "_LabelToTicket" ("A", "B") VALUES
        (helpdesk_id('label:blue-harbor:bug'), helpdesk_id('ticket:northwind:1')),
        (helpdesk_id('label:northwind:billing'), helpdesk_id('ticket:cinder-labs:2'))
        ON CONFLICT DO NOTHING;
    INSERT INTO "_Watchers" ("A", "B") VALUES
        (helpdesk_id('member:blue-harbor:2'), helpdesk_id('ticket:northwind:1')),
        (helpdesk_id('member:cinder-labs:1'), helpdesk_id('ticket:blue-harbor:3'))
        ON CONFLICT DO NOTHING;
    UPDATE tickets SET assignee_id = helpdesk_id('member:northwind:2') WHERE id = helpdesk_id('ticket:cinder-labs:5');
    UPDATE messages SET author_id = helpdesk_id('member:northwind:3')
     WHERE id = helpdesk_id('message:blue-harbor:1:2');

    RETURN (SELECT count(*) FROM tickets) || ' tickets';
END
$seed$;

REVOKE EXECUTE ON FUNCTION helpdesk_seed(integer) FROM PUBLIC;
