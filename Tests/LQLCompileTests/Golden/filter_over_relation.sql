-- Customer | select name, fulfilled: sum(orders.total where status == FULFILLED) ?? 0
SELECT t."name",
       COALESCE((SELECT sum(c1."total") FROM "orders" AS c1 WHERE c1."tenant_id" = $1 AND c1."customer_id" = t."id" AND c1."status" = $2::"OrderStatus"), $3::integer) AS "fulfilled"
FROM "customers" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- $2 = 'FULFILLED'::"OrderStatus"
-- $3 = '0'::integer
-- columns: name, fulfilled
