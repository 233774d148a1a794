-- Order | select customerId | distinct | count
SELECT count(*) AS "count"
FROM (
  SELECT DISTINCT t."customer_id" AS "customerId"
  FROM "orders" AS t
  WHERE t."tenant_id" = $1
) AS s1;
-- $1 = tenant
-- columns: count
