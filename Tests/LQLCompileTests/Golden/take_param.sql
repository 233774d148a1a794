-- Order | sort number | skip $page | take $n | select number
SELECT t."number"
FROM "orders" AS t
WHERE t."tenant_id" = $1
ORDER BY t."number" NULLS LAST
LIMIT $3::integer
OFFSET $2::integer;
-- $1 = tenant
-- $2 = '0'::integer
-- $3 = '10'::integer
-- columns: number
