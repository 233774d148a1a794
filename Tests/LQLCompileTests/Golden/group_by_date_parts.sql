-- Order | group by y: year(orderDate), m: month(orderDate) aggregate n: count(), revenue: sum(total) | sort y, m
SELECT extract(year FROM t."order_date")::integer AS "y",
       extract(month FROM t."order_date")::integer AS "m",
       count(*) AS "n",
       sum(t."total") AS "revenue"
FROM "orders" AS t
WHERE t."tenant_id" = $1
GROUP BY 1, 2
ORDER BY "y" NULLS LAST, "m" NULLS LAST;
-- $1 = tenant
-- columns: y, m, n, revenue
