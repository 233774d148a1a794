-- Order | select number, avgN: avg(total) over (sort orderDate rows $span), before: lag(total, $back) over (sort orderDate)
SELECT t."number",
       avg(t."total") OVER (ORDER BY t."order_date" NULLS LAST ROWS BETWEEN ($2::integer - 1) PRECEDING AND CURRENT ROW) AS "avgN",
       lag(t."total", $3::integer) OVER (ORDER BY t."order_date" NULLS LAST) AS "before"
FROM "orders" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- $2 = '5'::integer
-- $3 = '2'::integer
-- columns: number, avgN, before
