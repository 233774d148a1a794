-- Customer | where city == "Portland" and state != "WA" | select name
SELECT t."name"
FROM "customers" AS t
WHERE t."tenant_id" = $1
  AND t."city" = $2::text AND t."state" <> $3::text;
-- $1 = tenant
-- $2 = 'Portland'::text
-- $3 = 'WA'::text
-- columns: name
