-- Payment | where amount > 1234.56 | select amount
SELECT t."amount"
FROM "payments" AS t
WHERE t."tenant_id" = $1
  AND t."amount" > $2::numeric;
-- $1 = tenant
-- $2 = '1234.56'::numeric
-- columns: amount
