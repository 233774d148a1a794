-- Customer | select name, a: avg(orders.total where status != CANCELLED), lo: min(orders.total where status != CANCELLED), hi: max(orders.orderDate where status == FULFILLED)
SELECT t."name",
       (SELECT avg(c1."total") FROM "orders" AS c1 WHERE c1."tenant_id" = $1 AND c1."customer_id" = t."id" AND c1."status" <> $2::"OrderStatus") AS "a",
       (SELECT min(c2."total") FROM "orders" AS c2 WHERE c2."tenant_id" = $1 AND c2."customer_id" = t."id" AND c2."status" <> $2::"OrderStatus") AS "lo",
       (SELECT max(c3."order_date") FROM "orders" AS c3 WHERE c3."tenant_id" = $1 AND c3."customer_id" = t."id" AND c3."status" = $3::"OrderStatus") AS "hi"
FROM "customers" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- $2 = 'CANCELLED'::"OrderStatus"
-- $3 = 'FULFILLED'::"OrderStatus"
-- columns: name, a, lo, hi
