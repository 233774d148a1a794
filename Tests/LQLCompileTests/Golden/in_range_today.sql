-- Task | where dueAt in today() - 7 days .. today() | select title
SELECT t."title"
FROM "tasks" AS t
WHERE t."tenant_id" = $1
  AND t."due_at" >= current_date::timestamptz - $2::interval AND t."due_at" < current_date;
-- $1 = tenant
-- $2 = '7 days'::interval
-- columns: title
