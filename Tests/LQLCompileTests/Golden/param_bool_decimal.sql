-- Sku | where basePrice >= $price and (product.status == ACTIVE) == $active | select code
SELECT t."code"
FROM "skus" AS t
LEFT JOIN "products" AS j1 ON j1."id" = t."product_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
WHERE t."tenant_id" = $1
  AND t."base_price" >= $2::numeric AND (j1."status" = $3::"ProductStatus") = $4::boolean;
-- $1 = tenant
-- $2 = '12.50'::numeric
-- $3 = 'ACTIVE'::"ProductStatus"
-- $4 = 'false'::boolean
-- columns: code
