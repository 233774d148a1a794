-- PriceListEntry | where validTo is null or validTo > now() | select product.name, customer.name, tier, price, minQuantity
SELECT j1."name" AS "product.name",
       j2."name" AS "customer.name",
       t."tier",
       t."price",
       t."min_quantity" AS "minQuantity"
FROM "price_list_entries" AS t
LEFT JOIN "products" AS j1 ON j1."id" = t."product_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
LEFT JOIN "customers" AS j2 ON j2."id" = t."customer_id" AND j2."tenant_id" = t."tenant_id" AND j2."tenant_id" = $1
WHERE t."tenant_id" = $1
  AND (t."valid_to" IS NULL OR t."valid_to" > now());
-- $1 = tenant
-- columns: product.name, customer.name, tier, price, minQuantity
