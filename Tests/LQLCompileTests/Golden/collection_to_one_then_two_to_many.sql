-- Invoice | select number, customerLines: count(customer.orders.lines)
SELECT t."number",
       (SELECT count(*) FROM "order_lines" AS c2 WHERE c2."tenant_id" = $1 AND c2."order_id" IN (SELECT c1."id" FROM "orders" AS c1 WHERE c1."tenant_id" = $1 AND c1."customer_id" = j1."id")) AS "customerLines"
FROM "invoices" AS t
LEFT JOIN "customers" AS j1 ON j1."id" = t."customer_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- columns: number, customerLines
