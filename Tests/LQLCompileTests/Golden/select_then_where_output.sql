-- Order | select number, amount: total | where amount > 500
SELECT s1."number",
       s1."amount"
FROM (
  SELECT t."number",
         t."total" AS "amount"
  FROM "orders" AS t
  WHERE t."tenant_id" = $1
) AS s1
WHERE s1."amount" > $2::integer;
-- $1 = tenant
-- $2 = '500'::integer
-- columns: number, amount
