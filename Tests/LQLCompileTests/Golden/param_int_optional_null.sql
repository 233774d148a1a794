-- Order | where $limit is null or total < $limit | count
SELECT count(*) AS "count"
FROM "orders" AS t
WHERE t."tenant_id" = $1
  AND ($2::integer IS NULL OR t."total" < $2::integer);
-- $1 = tenant
-- $2 = NULL::integer
-- columns: count
