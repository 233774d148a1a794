-- Order | where status in [CONFIRMED, FULFILLED]
SELECT s1."month",
       s1."revenue",
       sum(s1."revenue") OVER (ORDER BY s1."month" NULLS LAST ROWS UNBOUNDED PRECEDING) AS "toDate",
       s1."revenue" - lag(s1."revenue") OVER (ORDER BY s1."month" NULLS LAST) AS "change",
       round(avg(s1."revenue") OVER (ORDER BY s1."month" NULLS LAST ROWS BETWEEN $4::bigint PRECEDING AND CURRENT ROW)::numeric, $5::integer) AS "avg3"
FROM (
  SELECT date_trunc($3::text, t."order_date")::date AS "month",
         sum(t."total") AS "revenue"
  FROM "orders" AS t
  WHERE t."tenant_id" = $1
    AND t."status" = ANY($2::"OrderStatus"[])
  GROUP BY 1
) AS s1
ORDER BY "month" NULLS LAST;
-- $1 = tenant
-- $2 = '{"CONFIRMED","FULFILLED"}'::"OrderStatus"[]
-- $3 = 'month'::text
-- $4 = '2'::bigint
-- $5 = '2'::integer
-- columns: month, revenue, toDate, change, avg3
