-- Order | sort total + 10 desc | select status | distinct
SELECT DISTINCT s1."status"
FROM (
  SELECT t."status"
  FROM "orders" AS t
  WHERE t."tenant_id" = $1
) AS s1;
-- $1 = tenant
-- columns: status
