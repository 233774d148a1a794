-- WebhookSubscription | where not active and url ~ "example" | select url, active
SELECT t."url",
       t."active"
FROM "webhook_subscriptions" AS t
WHERE t."tenant_id" = $1
  AND NOT t."active" AND t."url" ILIKE ('%' || $2::text || '%');
-- $1 = tenant
-- $2 = 'example'::text
-- columns: url, active
