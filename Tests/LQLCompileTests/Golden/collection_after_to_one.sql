-- Invoice | select number, customerOrders: count(customer.orders), repCustomers: count(customer.salesRep.customers)
SELECT t."number",
       (SELECT count(*) FROM "orders" AS c1 WHERE c1."tenant_id" = $1 AND c1."customer_id" = j1."id") AS "customerOrders",
       (SELECT count(*) FROM "customers" AS c2 WHERE c2."tenant_id" = $1 AND c2."sales_rep_id" = j2."id") AS "repCustomers"
FROM "invoices" AS t
LEFT JOIN "customers" AS j1 ON j1."id" = t."customer_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
LEFT JOIN "users" AS j2 ON j2."id" = j1."sales_rep_id" AND j2."tenant_id" = j1."tenant_id" AND j2."tenant_id" = $1
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- columns: number, customerOrders, repCustomers
