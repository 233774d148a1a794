-- Order | select number, due: orderDate + 30 days, early: orderDate - 2 hours, week: orderDate + 1 week
SELECT t."number",
       t."order_date" + $2::interval AS "due",
       t."order_date" - $3::interval AS "early",
       t."order_date" + $4::interval AS "week"
FROM "orders" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- $2 = '30 days'::interval
-- $3 = '2 hours'::interval
-- $4 = '1 weeks'::interval
-- columns: number, due, early, week
