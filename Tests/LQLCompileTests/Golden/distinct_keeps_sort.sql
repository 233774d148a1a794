-- Order | sort total desc | select number, total | distinct
SELECT DISTINCT s1."number",
                s1."total"
FROM (
  SELECT t."number",
         t."total"
  FROM "orders" AS t
  WHERE t."tenant_id" = $1
) AS s1
ORDER BY s1."total" DESC NULLS LAST;
-- $1 = tenant
-- columns: number, total
