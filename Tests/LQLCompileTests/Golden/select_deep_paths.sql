-- Invoice | select number, customer.salesRep.fullName, order.customer.name, order.salesRep.email
SELECT t."number",
       j2."full_name" AS "fullName",
       j4."name",
       j5."email"
FROM "invoices" AS t
LEFT JOIN "customers" AS j1 ON j1."id" = t."customer_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
LEFT JOIN "users" AS j2 ON j2."id" = j1."sales_rep_id" AND j2."tenant_id" = j1."tenant_id" AND j2."tenant_id" = $1
LEFT JOIN "orders" AS j3 ON j3."id" = t."order_id" AND j3."tenant_id" = t."tenant_id" AND j3."tenant_id" = $1
LEFT JOIN "customers" AS j4 ON j4."id" = j3."customer_id" AND j4."tenant_id" = j3."tenant_id" AND j4."tenant_id" = $1
LEFT JOIN "users" AS j5 ON j5."id" = j3."sales_rep_id" AND j5."tenant_id" = j3."tenant_id" AND j5."tenant_id" = $1
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- columns: number, fullName, name, email
