-- Customer | select name, n: count(orders) | sort n desc, name | take 5
SELECT t."name",
       (SELECT count(*) FROM "orders" AS c1 WHERE c1."tenant_id" = $1 AND c1."customer_id" = t."id") AS "n"
FROM "customers" AS t
WHERE t."tenant_id" = $1
ORDER BY "n" DESC NULLS LAST, "name" NULLS LAST
LIMIT $2::bigint;
-- $1 = tenant
-- $2 = '5'::bigint
-- columns: name, n
