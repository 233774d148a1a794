-- Customer | where email is null or phone is not null | select name
SELECT t."name"
FROM "customers" AS t
WHERE t."tenant_id" = $1
  AND (t."email" IS NULL OR t."phone" IS NOT NULL);
-- $1 = tenant
-- columns: name
