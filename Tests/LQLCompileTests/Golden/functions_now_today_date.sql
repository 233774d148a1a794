-- Order | where date(orderDate) == today() or orderDate > now() - 1 hour | select number, day: date(orderDate)
SELECT t."number",
       t."order_date"::date AS "day"
FROM "orders" AS t
WHERE t."tenant_id" = $1
  AND (t."order_date"::date = current_date OR t."order_date" > now() - $2::interval);
-- $1 = tenant
-- $2 = '1 hours'::interval
-- columns: number, day
