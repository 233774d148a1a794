-- WebhookSubscription
SELECT t."id",
       t."url",
       t."events",
       t."active",
       t."created_at" AS "createdAt"
FROM "webhook_subscriptions" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- columns: id, url, events, active, createdAt
