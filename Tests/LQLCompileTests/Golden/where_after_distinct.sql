-- Customer | select city | distinct | where city is not null | sort city
SELECT s1."city"
FROM (
  SELECT DISTINCT t."city"
  FROM "customers" AS t
  WHERE t."tenant_id" = $1
) AS s1
WHERE s1."city" IS NOT NULL
ORDER BY s1."city" NULLS LAST;
-- $1 = tenant
-- columns: city
