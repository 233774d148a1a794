-- Order | sort number | take 10 | skip 5 | select number
SELECT t."number"
FROM "orders" AS t
WHERE t."tenant_id" = $1
ORDER BY t."number" NULLS LAST
LIMIT greatest($2::bigint - $3::bigint, 0)
OFFSET $3::bigint;
-- $1 = tenant
-- $2 = '10'::bigint
-- $3 = '5'::bigint
-- columns: number
