-- Customer | where any(orders.lines where quantity > 20) and all(orders.lines where quantity > 0) | select name
SELECT t."name"
FROM "customers" AS t
WHERE t."tenant_id" = $1
  AND EXISTS (SELECT 1 FROM "order_lines" AS c2 WHERE c2."tenant_id" = $1 AND c2."order_id" IN (SELECT c1."id" FROM "orders" AS c1 WHERE c1."tenant_id" = $1 AND c1."customer_id" = t."id") AND c2."quantity" > $2::integer) AND NOT EXISTS (SELECT 1 FROM "order_lines" AS c4 WHERE c4."tenant_id" = $1 AND c4."order_id" IN (SELECT c3."id" FROM "orders" AS c3 WHERE c3."tenant_id" = $1 AND c3."customer_id" = t."id") AND (c4."quantity" > $3::integer) IS NOT TRUE);
-- $1 = tenant
-- $2 = '20'::integer
-- $3 = '0'::integer
-- columns: name
