-- OrderLine
SELECT s1."id",
       s1."gross"
FROM (
  SELECT t."id",
         t."quantity" * t."unit_price" AS "gross"
  FROM "order_lines" AS t
  WHERE t."tenant_id" = $1
) AS s1
ORDER BY s1."gross" * $2::integer DESC NULLS LAST
LIMIT $3::bigint;
-- $1 = tenant
-- $2 = '2'::integer
-- $3 = '3'::bigint
-- columns: id, gross
