-- Customer | select name, open: (orders | where status != CANCELLED and status != FULFILLED) { number, status }
SELECT t."name",
       (SELECT coalesce(json_agg(json_build_object($4::text, c1."number", $5::text, c1."status") ORDER BY c1."id"), '[]'::json) FROM "orders" AS c1 WHERE c1."tenant_id" = $1 AND c1."customer_id" = t."id" AND c1."status" <> $2::"OrderStatus" AND c1."status" <> $3::"OrderStatus") AS "open"
FROM "customers" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- $2 = 'CANCELLED'::"OrderStatus"
-- $3 = 'FULFILLED'::"OrderStatus"
-- $4 = 'number'::text
-- $5 = 'status'::text
-- columns: name, open
