-- Role | select name, permissions { key }, users: count(users)
SELECT t."name",
       (SELECT coalesce(json_agg(json_build_object($2::text, c1."key") ORDER BY c1."id"), '[]'::json) FROM "permissions" AS c1 WHERE c1."tenant_id" = $1 AND c1."role_id" = t."id") AS "permissions",
       (SELECT count(*) FROM "users" AS c2 WHERE c2."tenant_id" = $1 AND c2."role_id" = t."id") AS "users"
FROM "roles" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- $2 = 'key'::text
-- columns: name, permissions, users
