-- Order | aggregate fulfilled: sum(total where status == FULFILLED), avgBig: avg(total where total > 500), first: min(orderDate where status != CANCELLED), last: max(orderDate where status != CANCELLED)
SELECT sum(t."total") FILTER (WHERE t."status" = $2::"OrderStatus") AS "fulfilled",
       avg(t."total") FILTER (WHERE t."total" > $3::integer) AS "avgBig",
       min(t."order_date") FILTER (WHERE t."status" <> $4::"OrderStatus") AS "first",
       max(t."order_date") FILTER (WHERE t."status" <> $4::"OrderStatus") AS "last"
FROM "orders" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- $2 = 'FULFILLED'::"OrderStatus"
-- $3 = '500'::integer
-- $4 = 'CANCELLED'::"OrderStatus"
-- columns: fulfilled, avgBig, first, last
