-- Order | count
SELECT count(*) AS "count"
FROM "orders" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- columns: count

-- Customer | count
SELECT count(*) AS "count"
FROM "customers" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- columns: count

-- Product | where status == ACTIVE | count
SELECT count(*) AS "count"
FROM "products" AS t
WHERE t."tenant_id" = $1
  AND t."status" = $2::"ProductStatus";
-- $1 = tenant
-- $2 = 'ACTIVE'::"ProductStatus"
-- columns: count
