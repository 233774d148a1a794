-- Order | sort orderDate desc | skip 10 | take 5 | select number
SELECT t."number"
FROM "orders" AS t
WHERE t."tenant_id" = $1
ORDER BY t."order_date" DESC NULLS LAST
LIMIT $3::bigint
OFFSET $2::bigint;
-- $1 = tenant
-- $2 = '10'::bigint
-- $3 = '5'::bigint
-- columns: number
