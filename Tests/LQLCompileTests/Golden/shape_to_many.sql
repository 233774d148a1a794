-- Customer | select name, orders { number, total, status }
SELECT t."name",
       (SELECT coalesce(json_agg(json_build_object($2::text, c1."number", $3::text, c1."total", $4::text, c1."status") ORDER BY c1."id"), '[]'::json) FROM "orders" AS c1 WHERE c1."tenant_id" = $1 AND c1."customer_id" = t."id") AS "orders"
FROM "customers" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- $2 = 'number'::text
-- $3 = 'total'::text
-- $4 = 'status'::text
-- columns: name, orders
