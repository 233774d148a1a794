-- Order | group by status | count
SELECT count(*) AS "count"
FROM (
  SELECT t."status"
  FROM "orders" AS t
  WHERE t."tenant_id" = $1
  GROUP BY 1
) AS s1;
-- $1 = tenant
-- columns: count
