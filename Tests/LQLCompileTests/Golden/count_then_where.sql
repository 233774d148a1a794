-- Order | count | where count > 10
SELECT s1."count"
FROM (
  SELECT count(*) AS "count"
  FROM "orders" AS t
  WHERE t."tenant_id" = $1
) AS s1
WHERE s1."count" > $2::integer;
-- $1 = tenant
-- $2 = '10'::integer
-- columns: count
