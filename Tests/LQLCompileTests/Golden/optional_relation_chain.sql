-- Activity | select subject, orderCustomer: order.customer.name, orderRep: order.salesRep.fullName
SELECT t."subject",
       j2."name" AS "orderCustomer",
       j3."full_name" AS "orderRep"
FROM "activities" AS t
LEFT JOIN "orders" AS j1 ON j1."id" = t."order_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
LEFT JOIN "customers" AS j2 ON j2."id" = j1."customer_id" AND j2."tenant_id" = j1."tenant_id" AND j2."tenant_id" = $1
LEFT JOIN "users" AS j3 ON j3."id" = j1."sales_rep_id" AND j3."tenant_id" = j1."tenant_id" AND j3."tenant_id" = $1
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- columns: subject, orderCustomer, orderRep
