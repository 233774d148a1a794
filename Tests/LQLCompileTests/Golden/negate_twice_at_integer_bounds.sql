-- Order | where total > -(-9223372036854775808) or total < -(-2147483648) or total > -(-2.50) | count
SELECT count(*) AS "count"
FROM "orders" AS t
WHERE t."tenant_id" = $1
  AND (t."total" > $2::numeric OR t."total" < $3::bigint OR t."total" > $4::numeric);
-- $1 = tenant
-- $2 = '9223372036854775808'::numeric
-- $3 = '2147483648'::bigint
-- $4 = '2.50'::numeric
-- columns: count
