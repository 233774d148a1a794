-- Customer | select name, age: age(createdAt), gap: age(now(), createdAt)
SELECT t."name",
       age(t."created_at") AS "age",
       age(now(), t."created_at") AS "gap"
FROM "customers" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- columns: name, age, gap
