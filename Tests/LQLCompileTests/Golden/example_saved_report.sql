-- Invoice
SELECT t."number",
       j1."name",
       j2."full_name" AS "fullName",
       t."balance_due" AS "balanceDue",
       t."due_at" AS "dueAt"
FROM "invoices" AS t
LEFT JOIN "customers" AS j1 ON j1."id" = t."customer_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
LEFT JOIN "users" AS j2 ON j2."id" = j1."sales_rep_id" AND j2."tenant_id" = j1."tenant_id" AND j2."tenant_id" = $1
WHERE t."tenant_id" = $1
  AND t."status" = ANY($2::"InvoiceStatus"[]) AND t."due_at" < current_date::timestamptz - $3::interval AND t."balance_due" > $4::numeric
ORDER BY "balanceDue" DESC NULLS LAST;
-- $1 = tenant
-- $2 = '{"OPEN","OVERDUE"}'::"InvoiceStatus"[]
-- $3 = '90 days'::interval
-- $4 = '0'::numeric
-- columns: number, name, fullName, balanceDue, dueAt
