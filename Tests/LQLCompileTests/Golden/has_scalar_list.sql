-- WebhookSubscription | where events has "order.created" | select url, events
SELECT t."url",
       t."events"
FROM "webhook_subscriptions" AS t
WHERE t."tenant_id" = $1
  AND $2::text = ANY(t."events");
-- $1 = tenant
-- $2 = 'order.created'::text
-- columns: url, events
