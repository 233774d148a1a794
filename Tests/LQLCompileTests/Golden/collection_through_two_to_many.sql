-- Customer | select name, units: sum(orders.lines.quantity), lines: count(orders.lines), avgPrice: avg(orders.lines.unitPrice), lastProduct: max(orders.lines.product.name)
SELECT t."name",
       (SELECT sum(c2."quantity") FROM "order_lines" AS c2 WHERE c2."tenant_id" = $1 AND c2."order_id" IN (SELECT c1."id" FROM "orders" AS c1 WHERE c1."tenant_id" = $1 AND c1."customer_id" = t."id")) AS "units",
       (SELECT count(*) FROM "order_lines" AS c4 WHERE c4."tenant_id" = $1 AND c4."order_id" IN (SELECT c3."id" FROM "orders" AS c3 WHERE c3."tenant_id" = $1 AND c3."customer_id" = t."id")) AS "lines",
       (SELECT avg(c6."unit_price") FROM "order_lines" AS c6 WHERE c6."tenant_id" = $1 AND c6."order_id" IN (SELECT c5."id" FROM "orders" AS c5 WHERE c5."tenant_id" = $1 AND c5."customer_id" = t."id")) AS "avgPrice",
       (SELECT max(j1."name") FROM "order_lines" AS c8 LEFT JOIN "products" AS j1 ON j1."id" = c8."product_id" AND j1."tenant_id" = c8."tenant_id" AND j1."tenant_id" = $1 WHERE c8."tenant_id" = $1 AND c8."order_id" IN (SELECT c7."id" FROM "orders" AS c7 WHERE c7."tenant_id" = $1 AND c7."customer_id" = t."id")) AS "lastProduct"
FROM "customers" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- columns: name, units, lines, avgPrice, lastProduct
