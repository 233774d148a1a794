-- Order | sort orderDate desc | take 100 | group by status aggregate n: count()
SELECT t2."status",
       count(*) AS "n"
FROM (
  SELECT t.*
  FROM "orders" AS t
  WHERE t."tenant_id" = $1
  ORDER BY t."order_date" DESC NULLS LAST
  LIMIT $2::bigint
) AS t2
GROUP BY 1;
-- $1 = tenant
-- $2 = '100'::bigint
-- columns: status, n
