-- Customer | select name, spent: sum(orders.total), avgOrder: avg(orders.total), first: min(orders.orderDate), last: max(orders.orderDate)
SELECT t."name",
       (SELECT sum(c1."total") FROM "orders" AS c1 WHERE c1."tenant_id" = $1 AND c1."customer_id" = t."id") AS "spent",
       (SELECT avg(c2."total") FROM "orders" AS c2 WHERE c2."tenant_id" = $1 AND c2."customer_id" = t."id") AS "avgOrder",
       (SELECT min(c3."order_date") FROM "orders" AS c3 WHERE c3."tenant_id" = $1 AND c3."customer_id" = t."id") AS "first",
       (SELECT max(c4."order_date") FROM "orders" AS c4 WHERE c4."tenant_id" = $1 AND c4."customer_id" = t."id") AS "last"
FROM "customers" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- columns: name, spent, avgOrder, first, last
