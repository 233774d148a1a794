-- Order | aggregate orders: count(), revenue: sum(total), average: avg(total), first: min(orderDate), last: max(orderDate)
SELECT count(*) AS "orders",
       sum(t."total") AS "revenue",
       avg(t."total") AS "average",
       min(t."order_date") AS "first",
       max(t."order_date") AS "last"
FROM "orders" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- columns: orders, revenue, average, first, last
