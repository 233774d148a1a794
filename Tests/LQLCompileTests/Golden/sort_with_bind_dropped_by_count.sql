-- Order | sort total * 2 desc | count
SELECT count(*) AS "count"
FROM "orders" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- columns: count
