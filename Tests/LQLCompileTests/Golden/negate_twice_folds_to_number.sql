-- Order | where total > -(-1) and total < -(-(-5)) | count
SELECT count(*) AS "count"
FROM "orders" AS t
WHERE t."tenant_id" = $1
  AND t."total" > $2::integer AND t."total" < $3::integer;
-- $1 = tenant
-- $2 = '1'::integer
-- $3 = '-5'::integer
-- columns: count
