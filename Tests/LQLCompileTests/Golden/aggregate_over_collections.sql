-- Customer | aggregate withOrders: count(where any(orders)), maxOrders: max(count(orders))
SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "orders" AS c1 WHERE c1."tenant_id" = $1 AND c1."customer_id" = t."id")) AS "withOrders",
       max((SELECT count(*) FROM "orders" AS c2 WHERE c2."tenant_id" = $1 AND c2."customer_id" = t."id")) AS "maxOrders"
FROM "customers" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- columns: withOrders, maxOrders
