-- Customer | take 2 | select name, orders { number, lines { quantity, product { name, category } } }
SELECT t."name",
       (SELECT coalesce(json_agg(json_build_object($3::text, c1."number", $4::text, (SELECT coalesce(json_agg(json_build_object($5::text, c2."quantity", $6::text, CASE WHEN j1."id" IS NULL THEN NULL ELSE json_build_object($7::text, j1."name", $8::text, j1."category") END) ORDER BY c2."id"), '[]'::json) FROM "order_lines" AS c2 LEFT JOIN "products" AS j1 ON j1."id" = c2."product_id" AND j1."tenant_id" = c2."tenant_id" AND j1."tenant_id" = $1 WHERE c2."tenant_id" = $1 AND c2."order_id" = c1."id")) ORDER BY c1."id"), '[]'::json) FROM "orders" AS c1 WHERE c1."tenant_id" = $1 AND c1."customer_id" = t."id") AS "orders"
FROM "customers" AS t
WHERE t."tenant_id" = $1
LIMIT $2::bigint;
-- $1 = tenant
-- $2 = '2'::bigint
-- $3 = 'number'::text
-- $4 = 'lines'::text
-- $5 = 'quantity'::text
-- $6 = 'product'::text
-- $7 = 'name'::text
-- $8 = 'category'::text
-- columns: name, orders
