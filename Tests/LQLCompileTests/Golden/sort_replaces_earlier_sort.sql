-- Order | sort total | sort orderDate desc | select number
SELECT t."number"
FROM "orders" AS t
WHERE t."tenant_id" = $1
ORDER BY t."order_date" DESC NULLS LAST;
-- $1 = tenant
-- columns: number
