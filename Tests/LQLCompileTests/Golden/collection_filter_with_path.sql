-- Customer | select name, wineOrders: count(orders where any(lines where product.category == "Wine"))
SELECT t."name",
       (SELECT count(*) FROM "orders" AS c1 WHERE c1."tenant_id" = $1 AND c1."customer_id" = t."id" AND EXISTS (SELECT 1 FROM "order_lines" AS c2 LEFT JOIN "products" AS j1 ON j1."id" = c2."product_id" AND j1."tenant_id" = c2."tenant_id" AND j1."tenant_id" = $1 WHERE c2."tenant_id" = $1 AND c2."order_id" = c1."id" AND j1."category" = $2::text)) AS "wineOrders"
FROM "customers" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- $2 = 'Wine'::text
-- columns: name, wineOrders
