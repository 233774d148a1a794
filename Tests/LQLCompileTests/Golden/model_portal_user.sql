-- PortalUser | select email, customer.name, sessions: count(sessions), orders { number }
SELECT t."email",
       j1."name",
       (SELECT count(*) FROM "portal_sessions" AS c1 WHERE c1."tenant_id" = $1 AND c1."portal_user_id" = t."id") AS "sessions",
       (SELECT coalesce(json_agg(json_build_object($2::text, c2."number") ORDER BY c2."id"), '[]'::json) FROM "orders" AS c2 WHERE c2."tenant_id" = $1 AND c2."portal_user_id" = t."id") AS "orders"
FROM "portal_users" AS t
LEFT JOIN "customers" AS j1 ON j1."id" = t."customer_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- $2 = 'number'::text
-- columns: email, name, sessions, orders
