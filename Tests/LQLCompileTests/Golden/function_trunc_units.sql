-- Order | select w: trunc(orderDate, "week"), q: trunc(orderDate, "quarter"), y: trunc(orderDate, "year")
SELECT date_trunc($2::text, t."order_date") AS "w",
       date_trunc($3::text, t."order_date") AS "q",
       date_trunc($4::text, t."order_date") AS "y"
FROM "orders" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- $2 = 'week'::text
-- $3 = 'quarter'::text
-- $4 = 'year'::text
-- columns: w, q, y
