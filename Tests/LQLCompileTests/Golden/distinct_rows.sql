-- Role | distinct
SELECT DISTINCT t."id",
                t."name",
                t."is_system" AS "isSystem"
FROM "roles" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- columns: id, name, isSystem
