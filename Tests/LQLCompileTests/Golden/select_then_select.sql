-- Order | select number, total | select total
SELECT s1."total"
FROM (
  SELECT t."number",
         t."total"
  FROM "orders" AS t
  WHERE t."tenant_id" = $1
) AS s1;
-- $1 = tenant
-- columns: total
