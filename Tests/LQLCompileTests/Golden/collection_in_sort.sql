-- Customer | sort count(orders) desc, name | take 10 | select name
SELECT t."name"
FROM "customers" AS t
WHERE t."tenant_id" = $1
ORDER BY (SELECT count(*) FROM "orders" AS c1 WHERE c1."tenant_id" = $1 AND c1."customer_id" = t."id") DESC NULLS LAST, t."name" NULLS LAST
LIMIT $2::bigint;
-- $1 = tenant
-- $2 = '10'::bigint
-- columns: name
