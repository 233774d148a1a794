-- Order | take 5 | count
SELECT count(*) AS "count"
FROM (
  SELECT t.*
  FROM "orders" AS t
  WHERE t."tenant_id" = $1
  LIMIT $2::bigint
) AS t2;
-- $1 = tenant
-- $2 = '5'::bigint
-- columns: count
