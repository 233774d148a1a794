-- Customer | select city, state | distinct | sort city
SELECT DISTINCT t."city",
                t."state"
FROM "customers" AS t
WHERE t."tenant_id" = $1
ORDER BY "city" NULLS LAST;
-- $1 = tenant
-- columns: city, state
