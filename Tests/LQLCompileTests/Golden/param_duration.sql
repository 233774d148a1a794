-- Order | where orderDate > now() - $window | count
SELECT count(*) AS "count"
FROM "orders" AS t
WHERE t."tenant_id" = $1
  AND t."order_date" > now() - $2::interval;
-- $1 = tenant
-- $2 = '2 weeks'::interval
-- columns: count
