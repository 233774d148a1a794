-- Order
SELECT s1."name",
       s1."n"
FROM (
  SELECT j1."name",
         count(*) AS "n"
  FROM "orders" AS t
  LEFT JOIN "customers" AS j1 ON j1."id" = t."customer_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
  WHERE t."tenant_id" = $1
  GROUP BY 1
) AS s1
WHERE s1."n" > $2::integer
ORDER BY s1."n" DESC NULLS LAST;
-- $1 = tenant
-- $2 = '3'::integer
-- columns: name, n
