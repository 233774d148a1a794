-- Customer | where id in (Invoice | where status == OVERDUE | select customerId) | select name
SELECT t."name"
FROM "customers" AS t
WHERE t."tenant_id" = $1
  AND t."id" IN (SELECT t2."customer_id" AS "customerId" FROM "invoices" AS t2 WHERE t2."tenant_id" = $1 AND t2."status" = $2::"InvoiceStatus");
-- $1 = tenant
-- $2 = 'OVERDUE'::"InvoiceStatus"
-- columns: name
