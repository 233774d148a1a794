-- Task | where priority >= MEDIUM | select title
SELECT t."title"
FROM "tasks" AS t
WHERE t."tenant_id" = $1
  AND t."priority" >= $2::"TaskPriority";
-- $1 = tenant
-- $2 = 'MEDIUM'::"TaskPriority"
-- columns: title
