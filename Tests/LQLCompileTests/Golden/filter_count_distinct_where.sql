-- Order | aggregate buyers: count_distinct(customerId where status == FULFILLED)
SELECT count(DISTINCT t."customer_id") FILTER (WHERE t."status" = $2::"OrderStatus") AS "buyers"
FROM "orders" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- $2 = 'FULFILLED'::"OrderStatus"
-- columns: buyers
