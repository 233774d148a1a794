-- Payment | where method in [CARD, ACH] | select invoice.number, amount, method, receivedAt
SELECT j1."number",
       t."amount",
       t."method",
       t."received_at" AS "receivedAt"
FROM "payments" AS t
LEFT JOIN "invoices" AS j1 ON j1."id" = t."invoice_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
WHERE t."tenant_id" = $1
  AND t."method" = ANY($2::"PaymentMethod"[]);
-- $1 = tenant
-- $2 = '{"CARD","ACH"}'::"PaymentMethod"[]
-- columns: number, amount, method, receivedAt
