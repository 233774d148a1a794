-- Product | where name ~ "_" | count
SELECT count(*) AS "count"
FROM "products" AS t
WHERE t."tenant_id" = $1
  AND t."name" ILIKE ('%' || $2::text || '%');
-- $1 = tenant
-- $2 = '\_'::text
-- columns: count

-- Product | where name ~ "%" | count
SELECT count(*) AS "count"
FROM "products" AS t
WHERE t."tenant_id" = $1
  AND t."name" ILIKE ('%' || $2::text || '%');
-- $1 = tenant
-- $2 = '\%'::text
-- columns: count

-- Product | count
SELECT count(*) AS "count"
FROM "products" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- columns: count
