-- slim | where amount > 100 | sort amount desc
SELECT s1."number",
       s1."amount"
FROM (
  SELECT t."number",
         t."total" AS "amount"
  FROM "orders" AS t
  WHERE t."tenant_id" = $1
) AS s1
WHERE s1."amount" > $2::integer
ORDER BY s1."amount" DESC NULLS LAST;
-- $1 = tenant
-- $2 = '100'::integer
-- columns: number, amount
