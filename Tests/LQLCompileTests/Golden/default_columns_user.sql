-- User
SELECT t."id",
       t."email",
       t."full_name" AS "fullName",
       t."status",
       t."role_id" AS "roleId",
       t."last_login_at" AS "lastLoginAt",
       t."created_at" AS "createdAt"
FROM "users" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- columns: id, email, fullName, status, roleId, lastLoginAt, createdAt
