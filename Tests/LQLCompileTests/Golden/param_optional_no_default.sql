-- Order | where salesRepId == $rep or $rep is null | select number
SELECT t."number"
FROM "orders" AS t
WHERE t."tenant_id" = $1
  AND (t."sales_rep_id" = $2::text OR $2::text IS NULL);
-- $1 = tenant
-- $2 = NULL::text
-- columns: number
