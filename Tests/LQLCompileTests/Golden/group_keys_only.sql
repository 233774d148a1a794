-- Order | group by status
SELECT t."status"
FROM "orders" AS t
WHERE t."tenant_id" = $1
GROUP BY 1;
-- $1 = tenant
-- columns: status
