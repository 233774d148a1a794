-- Customer | select name, reps: count_distinct(orders.salesRepId), products: count_distinct(orders.lines.productId)
SELECT t."name",
       (SELECT count(DISTINCT c1."sales_rep_id") FROM "orders" AS c1 WHERE c1."tenant_id" = $1 AND c1."customer_id" = t."id") AS "reps",
       (SELECT count(DISTINCT c3."product_id") FROM "order_lines" AS c3 WHERE c3."tenant_id" = $1 AND c3."order_id" IN (SELECT c2."id" FROM "orders" AS c2 WHERE c2."tenant_id" = $1 AND c2."customer_id" = t."id")) AS "products"
FROM "customers" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- columns: name, reps, products
