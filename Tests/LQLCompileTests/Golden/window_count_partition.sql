-- Invoice | select number, customerId, perCustomer: count() over (by customerId), running: count() over (by customerId sort issuedAt)
SELECT t."number",
       t."customer_id" AS "customerId",
       count(*) OVER (PARTITION BY t."customer_id") AS "perCustomer",
       count(*) OVER (PARTITION BY t."customer_id" ORDER BY t."issued_at" NULLS LAST ROWS UNBOUNDED PRECEDING) AS "running"
FROM "invoices" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- columns: number, customerId, perCustomer, running
