-- Order | group by status aggregate orders: count(), big: count(where total > 1000)
SELECT t."status",
       count(*) AS "orders",
       count(*) FILTER (WHERE t."total" > $2::integer) AS "big"
FROM "orders" AS t
WHERE t."tenant_id" = $1
GROUP BY 1;
-- $1 = tenant
-- $2 = '1000'::integer
-- columns: status, orders, big
