-- Order | group by customerId aggregate n: count() | sort n desc, customerId | take 10 | skip 2
SELECT s1."customerId",
       s1."n"
FROM (
  SELECT t."customer_id" AS "customerId",
         count(*) AS "n"
  FROM "orders" AS t
  WHERE t."tenant_id" = $1
  GROUP BY 1
  ORDER BY "n" DESC NULLS LAST, "customerId" NULLS LAST
  LIMIT $2::bigint
) AS s1
OFFSET $3::bigint;
-- $1 = tenant
-- $2 = '10'::bigint
-- $3 = '2'::bigint
-- columns: customerId, n
