-- Inventory | where onHand - reserved < reorderPoint | select sku.code, sku.product.name, location, onHand, reserved, reorderPoint | sort code
SELECT j1."code",
       j2."name",
       t."location",
       t."on_hand" AS "onHand",
       t."reserved",
       t."reorder_point" AS "reorderPoint"
FROM "inventory" AS t
LEFT JOIN "skus" AS j1 ON j1."id" = t."sku_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
LEFT JOIN "products" AS j2 ON j2."id" = j1."product_id" AND j2."tenant_id" = j1."tenant_id" AND j2."tenant_id" = $1
WHERE t."tenant_id" = $1
  AND t."on_hand" - t."reserved" < t."reorder_point"
ORDER BY "code" NULLS LAST;
-- $1 = tenant
-- columns: code, name, location, onHand, reserved, reorderPoint
