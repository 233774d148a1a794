-- Task | select title, p: coalesce(priority, LOW)
SELECT t."title",
       COALESCE(t."priority", $2::"TaskPriority") AS "p"
FROM "tasks" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- $2 = 'LOW'::"TaskPriority"
-- columns: title, p
