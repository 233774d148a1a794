-- Order | sort orderDate desc | take 3 | select number, customer { name }, lines { quantity }
SELECT t."number",
       CASE WHEN j1."id" IS NULL THEN NULL ELSE json_build_object($3::text, j1."name") END AS "customer",
       (SELECT coalesce(json_agg(json_build_object($4::text, c1."quantity") ORDER BY c1."id"), '[]'::json) FROM "order_lines" AS c1 WHERE c1."tenant_id" = $1 AND c1."order_id" = t."id") AS "lines"
FROM "orders" AS t
LEFT JOIN "customers" AS j1 ON j1."id" = t."customer_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
WHERE t."tenant_id" = $1
ORDER BY t."order_date" DESC NULLS LAST
LIMIT $2::bigint;
-- $1 = tenant
-- $2 = '3'::bigint
-- $3 = 'name'::text
-- $4 = 'quantity'::text
-- columns: number, customer, lines
