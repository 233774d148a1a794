-- Customer | select name, recent: (orders | sort orderDate desc | take 3) { number, total }
SELECT t."name",
       (SELECT coalesce(json_agg(json_build_object($3::text, c2."number", $4::text, c2."total") ORDER BY c2."order_date" DESC NULLS LAST, c2."id"), '[]'::json) FROM ( SELECT c1.* FROM "orders" AS c1 WHERE c1."tenant_id" = $1 AND c1."customer_id" = t."id" ORDER BY c1."order_date" DESC NULLS LAST, c1."id" LIMIT $2::bigint ) AS c2) AS "recent"
FROM "customers" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- $2 = '3'::bigint
-- $3 = 'number'::text
-- $4 = 'total'::text
-- columns: name, recent
