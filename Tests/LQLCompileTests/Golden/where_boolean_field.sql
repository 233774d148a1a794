-- WebhookSubscription | where active | select url
SELECT t."url"
FROM "webhook_subscriptions" AS t
WHERE t."tenant_id" = $1
  AND t."active";
-- $1 = tenant
-- columns: url
