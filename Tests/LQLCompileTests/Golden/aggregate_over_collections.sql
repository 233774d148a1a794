-- Customer | aggregate withOrders: count(any(orders) == true), maxOrders: max(count(orders))
SELECT count(EXISTS (SELECT 1 FROM "orders" AS c1 WHERE c1."tenant_id" = $1 AND c1."customer_id" = t."id") = $2::boolean) AS "withOrders",
       max((SELECT count(*) FROM "orders" AS c2 WHERE c2."tenant_id" = $1 AND c2."customer_id" = t."id")) AS "maxOrders"
FROM "customers" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- $2 = 'true'::boolean
-- columns: withOrders, maxOrders
