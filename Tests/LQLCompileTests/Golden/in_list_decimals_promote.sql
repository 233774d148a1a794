-- Sku | where basePrice in [9.99, 10, 12.5] | select code
SELECT t."code"
FROM "skus" AS t
WHERE t."tenant_id" = $1
  AND t."base_price" = ANY($2::numeric[]);
-- $1 = tenant
-- $2 = '{"9.99","10","12.5"}'::numeric[]
-- columns: code
