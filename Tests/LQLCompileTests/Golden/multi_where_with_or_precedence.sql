-- Order | where status == PENDING or status == CONFIRMED | where total > 10 or total < 1 | count
SELECT count(*) AS "count"
FROM "orders" AS t
WHERE t."tenant_id" = $1
  AND (t."status" = $2::"OrderStatus" OR t."status" = $3::"OrderStatus")
  AND (t."total" > $4::integer OR t."total" < $5::integer);
-- $1 = tenant
-- $2 = 'PENDING'::"OrderStatus"
-- $3 = 'CONFIRMED'::"OrderStatus"
-- $4 = '10'::integer
-- $5 = '1'::integer
-- columns: count
