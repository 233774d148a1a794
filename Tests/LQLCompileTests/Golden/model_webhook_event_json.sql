-- WebhookEvent | select type, payload, createdAt | take 3
SELECT t."type",
       t."payload",
       t."created_at" AS "createdAt"
FROM "webhook_events" AS t
WHERE t."tenant_id" = $1
LIMIT $2::bigint;
-- $1 = tenant
-- $2 = '3'::bigint
-- columns: type, payload, createdAt
