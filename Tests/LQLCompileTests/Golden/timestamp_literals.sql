-- Payment | where receivedAt >= @2025-01-01T09:30:00Z and receivedAt < @2025-06-01T00:00:00+02:00 | select amount
SELECT t."amount"
FROM "payments" AS t
WHERE t."tenant_id" = $1
  AND t."received_at" >= $2::timestamptz AND t."received_at" < $3::timestamptz;
-- $1 = tenant
-- $2 = '2025-01-01T09:30:00Z'::timestamptz
-- $3 = '2025-06-01T00:00:00+02:00'::timestamptz
-- columns: amount
