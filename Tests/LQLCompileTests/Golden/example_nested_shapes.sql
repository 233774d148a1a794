-- Order | where number == "WC-10042"
SELECT t."number",
       t."status",
       CASE WHEN j1."id" IS NULL THEN NULL ELSE json_build_object($3::text, j1."name", $4::text, j1."email") END AS "customer",
       (SELECT coalesce(json_agg(json_build_object($3::text, j2."name", $5::text, c1."quantity", $6::text, c1."unit_price") ORDER BY c1."id"), '[]'::json) FROM "order_lines" AS c1 LEFT JOIN "products" AS j2 ON j2."id" = c1."product_id" AND j2."tenant_id" = c1."tenant_id" AND j2."tenant_id" = $1 WHERE c1."tenant_id" = $1 AND c1."order_id" = t."id") AS "lines"
FROM "orders" AS t
LEFT JOIN "customers" AS j1 ON j1."id" = t."customer_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
WHERE t."tenant_id" = $1
  AND t."number" = $2::text;
-- $1 = tenant
-- $2 = 'WC-10042'::text
-- $3 = 'name'::text
-- $4 = 'email'::text
-- $5 = 'quantity'::text
-- $6 = 'unitPrice'::text
-- columns: number, status, customer, lines
