-- WebhookDelivery | where status == FAILED and attempts >= 3 | select subscription.url, event.type, responseCode, nextRetryAt
SELECT j1."url",
       j2."type",
       t."response_code" AS "responseCode",
       t."next_retry_at" AS "nextRetryAt"
FROM "webhook_deliveries" AS t
LEFT JOIN "webhook_subscriptions" AS j1 ON j1."id" = t."subscription_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
LEFT JOIN "webhook_events" AS j2 ON j2."id" = t."event_id" AND j2."tenant_id" = t."tenant_id" AND j2."tenant_id" = $1
WHERE t."tenant_id" = $1
  AND t."status" = $2::"DeliveryStatus" AND t."attempts" >= $3::integer;
-- $1 = tenant
-- $2 = 'FAILED'::"DeliveryStatus"
-- $3 = '3'::integer
-- columns: url, type, responseCode, nextRetryAt
