-- Order | select number, customerId, prev: lag(total) over (by customerId sort orderDate),
SELECT t."number",
       t."customer_id" AS "customerId",
       lag(t."total") OVER (PARTITION BY t."customer_id" ORDER BY t."order_date" NULLS LAST) AS "prev",
       lead(t."total", $2::integer) OVER (PARTITION BY t."customer_id" ORDER BY t."order_date" NULLS LAST) AS "next2",
       first_value(t."total") OVER (PARTITION BY t."customer_id" ORDER BY t."order_date" NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS "firstTotal",
       last_value(t."total") OVER (PARTITION BY t."customer_id" ORDER BY t."order_date" NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS "lastTotal"
FROM "orders" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- $2 = '2'::integer
-- columns: number, customerId, prev, next2, firstTotal, lastTotal
