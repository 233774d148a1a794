-- Order | sort number | take 10 | skip 5 | select number
SELECT t2."number"
FROM (
  SELECT t.*
  FROM "orders" AS t
  WHERE t."tenant_id" = $1
  ORDER BY t."number" NULLS LAST
  LIMIT $2::bigint
) AS t2
OFFSET $3::bigint;
-- $1 = tenant
-- $2 = '10'::bigint
-- $3 = '5'::bigint
-- columns: number
