-- Order | sort total desc | take 10 | aggregate top10: sum(total)
SELECT sum(t2."total") AS "top10"
FROM (
  SELECT t.*
  FROM "orders" AS t
  WHERE t."tenant_id" = $1
  ORDER BY t."total" DESC NULLS LAST
  LIMIT $2::bigint
) AS t2;
-- $1 = tenant
-- $2 = '10'::bigint
-- columns: top10
