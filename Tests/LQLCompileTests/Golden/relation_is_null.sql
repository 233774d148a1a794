-- Order | where salesRep is null and customer.salesRep is not null | select number
SELECT t."number"
FROM "orders" AS t
LEFT JOIN "users" AS j1 ON j1."id" = t."sales_rep_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
LEFT JOIN "customers" AS j2 ON j2."id" = t."customer_id" AND j2."tenant_id" = t."tenant_id" AND j2."tenant_id" = $1
LEFT JOIN "users" AS j3 ON j3."id" = j2."sales_rep_id" AND j3."tenant_id" = j2."tenant_id" AND j3."tenant_id" = $1
WHERE t."tenant_id" = $1
  AND j1."id" IS NULL AND j3."id" IS NOT NULL;
-- $1 = tenant
-- columns: number
