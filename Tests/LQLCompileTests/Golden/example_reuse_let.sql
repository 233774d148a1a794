-- recent | group by status aggregate n: count(), value: sum(total)
SELECT t."status",
       count(*) AS "n",
       sum(t."total") AS "value"
FROM "orders" AS t
WHERE t."tenant_id" = $1
  AND t."order_date" >= current_date::timestamptz - $2::interval
GROUP BY 1;
-- $1 = tenant
-- $2 = '30 days'::interval
-- columns: status, n, value

-- recent | count
SELECT count(*) AS "count"
FROM "orders" AS t
WHERE t."tenant_id" = $1
  AND t."order_date" >= current_date::timestamptz - $2::interval;
-- $1 = tenant
-- $2 = '30 days'::interval
-- columns: count
