-- OrderLine | aggregate products: count_distinct(product.category), orders: count_distinct(order.customerId)
SELECT count(DISTINCT j1."category") AS "products",
       count(DISTINCT j2."customer_id") AS "orders"
FROM "order_lines" AS t
LEFT JOIN "products" AS j1 ON j1."id" = t."product_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
LEFT JOIN "orders" AS j2 ON j2."id" = t."order_id" AND j2."tenant_id" = t."tenant_id" AND j2."tenant_id" = $1
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- columns: products, orders
