-- Customer | select name, orders: count(orders), open: count(orders where status == PENDING)
SELECT t."name",
       (SELECT count(*) FROM "orders" AS c1 WHERE c1."tenant_id" = $1 AND c1."customer_id" = t."id") AS "orders",
       (SELECT count(*) FROM "orders" AS c2 WHERE c2."tenant_id" = $1 AND c2."customer_id" = t."id" AND c2."status" = $2::"OrderStatus") AS "open"
FROM "customers" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- $2 = 'PENDING'::"OrderStatus"
-- columns: name, orders, open
