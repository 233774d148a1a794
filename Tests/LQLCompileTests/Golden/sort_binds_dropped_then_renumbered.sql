-- Order | where status == OrderStatus.CONFIRMED | sort total * 2 desc, orderDate - 3 days | where total > 10 | count
SELECT count(*) AS "count"
FROM "orders" AS t
WHERE t."tenant_id" = $1
  AND t."status" = $2::"OrderStatus"
  AND t."total" > $3::integer;
-- $1 = tenant
-- $2 = 'CONFIRMED'::"OrderStatus"
-- $3 = '10'::integer
-- columns: count
