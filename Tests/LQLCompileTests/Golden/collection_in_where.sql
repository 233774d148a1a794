-- Customer | where count(orders) > 5 and not any(invoices where status == OVERDUE) | select name
SELECT t."name"
FROM "customers" AS t
WHERE t."tenant_id" = $1
  AND (SELECT count(*) FROM "orders" AS c1 WHERE c1."tenant_id" = $1 AND c1."customer_id" = t."id") > $2::integer AND NOT EXISTS (SELECT 1 FROM "invoices" AS c2 WHERE c2."tenant_id" = $1 AND c2."customer_id" = t."id" AND c2."status" = $3::"InvoiceStatus");
-- $1 = tenant
-- $2 = '5'::integer
-- $3 = 'OVERDUE'::"InvoiceStatus"
-- columns: name
