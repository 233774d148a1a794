-- Customer | group by hasOrders: any(orders) aggregate n: count()
SELECT EXISTS (SELECT 1 FROM "orders" AS c1 WHERE c1."tenant_id" = $1 AND c1."customer_id" = t."id") AS "hasOrders",
       count(*) AS "n"
FROM "customers" AS t
WHERE t."tenant_id" = $1
GROUP BY 1;
-- $1 = tenant
-- columns: hasOrders, n
