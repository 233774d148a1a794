-- Customer | where any(orders where any(lines where quantity > 10)) | select name
SELECT t."name"
FROM "customers" AS t
WHERE t."tenant_id" = $1
  AND EXISTS (SELECT 1 FROM "orders" AS c1 WHERE c1."tenant_id" = $1 AND c1."customer_id" = t."id" AND EXISTS (SELECT 1 FROM "order_lines" AS c2 WHERE c2."tenant_id" = $1 AND c2."order_id" = c1."id" AND c2."quantity" > $2::integer));
-- $1 = tenant
-- $2 = '10'::integer
-- columns: name
