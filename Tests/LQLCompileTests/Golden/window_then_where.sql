-- Order | select number, customerId, total, r: row_number() over (by customerId sort total desc) | where r <= 2 | sort customerId, r
SELECT s1."number",
       s1."customerId",
       s1."total",
       s1."r"
FROM (
  SELECT t."number",
         t."customer_id" AS "customerId",
         t."total",
         row_number() OVER (PARTITION BY t."customer_id" ORDER BY t."total" DESC NULLS LAST) AS "r"
  FROM "orders" AS t
  WHERE t."tenant_id" = $1
) AS s1
WHERE s1."r" <= $2::integer
ORDER BY s1."customerId" NULLS LAST, s1."r" NULLS LAST;
-- $1 = tenant
-- $2 = '2'::integer
-- columns: number, customerId, total, r
