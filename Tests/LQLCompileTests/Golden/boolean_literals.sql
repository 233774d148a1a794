-- Role | where isSystem == false | select name
SELECT t."name"
FROM "roles" AS t
WHERE t."tenant_id" = $1
  AND t."is_system" = $2::boolean;
-- $1 = tenant
-- $2 = 'false'::boolean
-- columns: name
