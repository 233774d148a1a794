-- Order | select number, lines: (lines | where quantity > 1 | sort product.name, quantity desc | skip 1 | take 2) { product.name, quantity }
SELECT t."number",
       (SELECT coalesce(json_agg(json_build_object($5::text, j2."name", $6::text, c2."quantity") ORDER BY j2."name" NULLS LAST, c2."quantity" DESC NULLS LAST, c2."id"), '[]'::json) FROM ( SELECT c1.* FROM "order_lines" AS c1 LEFT JOIN "products" AS j1 ON j1."id" = c1."product_id" AND j1."tenant_id" = c1."tenant_id" AND j1."tenant_id" = $1 WHERE c1."tenant_id" = $1 AND c1."order_id" = t."id" AND c1."quantity" > $2::integer ORDER BY j1."name" NULLS LAST, c1."quantity" DESC NULLS LAST, c1."id" LIMIT $3::bigint OFFSET $4::bigint ) AS c2 LEFT JOIN "products" AS j2 ON j2."id" = c2."product_id" AND j2."tenant_id" = c2."tenant_id" AND j2."tenant_id" = $1) AS "lines"
FROM "orders" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- $2 = '1'::integer
-- $3 = '2'::bigint
-- $4 = '1'::bigint
-- $5 = 'name'::text
-- $6 = 'quantity'::text
-- columns: number, lines
