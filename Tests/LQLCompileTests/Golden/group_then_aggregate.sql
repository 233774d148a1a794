-- Order | group by customerId aggregate n: count() | aggregate customers: count(), maxOrders: max(n)
SELECT count(*) AS "customers",
       max(s1."n") AS "maxOrders"
FROM (
  SELECT t."customer_id" AS "customerId",
         count(*) AS "n"
  FROM "orders" AS t
  WHERE t."tenant_id" = $1
  GROUP BY 1
) AS s1;
-- $1 = tenant
-- columns: customers, maxOrders
