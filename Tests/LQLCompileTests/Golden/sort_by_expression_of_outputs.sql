-- Customer | select name, n: count(orders), m: count(invoices) | sort n + m desc | take 5
SELECT s1."name",
       s1."n",
       s1."m"
FROM (
  SELECT t."name",
         (SELECT count(*) FROM "orders" AS c1 WHERE c1."tenant_id" = $1 AND c1."customer_id" = t."id") AS "n",
         (SELECT count(*) FROM "invoices" AS c2 WHERE c2."tenant_id" = $1 AND c2."customer_id" = t."id") AS "m"
  FROM "customers" AS t
  WHERE t."tenant_id" = $1
) AS s1
ORDER BY s1."n" + s1."m" DESC NULLS LAST
LIMIT $2::bigint;
-- $1 = tenant
-- $2 = '5'::bigint
-- columns: name, n, m
