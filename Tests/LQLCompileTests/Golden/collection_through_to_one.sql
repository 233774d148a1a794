-- Order | select number, listValue: sum(lines.sku.basePrice), topCategory: max(lines.product.category)
SELECT t."number",
       (SELECT sum(j1."base_price") FROM "order_lines" AS c1 LEFT JOIN "skus" AS j1 ON j1."id" = c1."sku_id" AND j1."tenant_id" = c1."tenant_id" AND j1."tenant_id" = $1 WHERE c1."tenant_id" = $1 AND c1."order_id" = t."id") AS "listValue",
       (SELECT max(j2."category") FROM "order_lines" AS c2 LEFT JOIN "products" AS j2 ON j2."id" = c2."product_id" AND j2."tenant_id" = c2."tenant_id" AND j2."tenant_id" = $1 WHERE c2."tenant_id" = $1 AND c2."order_id" = t."id") AS "topCategory"
FROM "orders" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- columns: number, listValue, topCategory
