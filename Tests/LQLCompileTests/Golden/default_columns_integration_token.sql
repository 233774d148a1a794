-- IntegrationToken
SELECT t."id",
       t."provider",
       t."expires_at" AS "expiresAt",
       t."created_at" AS "createdAt"
FROM "integration_tokens" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- columns: id, provider, expiresAt, createdAt
