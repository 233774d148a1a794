-- Order | where year(orderDate) == 2025 | select number, y: year(orderDate), m: month(orderDate), d: day(orderDate)
SELECT t."number",
       extract(year FROM t."order_date")::integer AS "y",
       extract(month FROM t."order_date")::integer AS "m",
       extract(day FROM t."order_date")::integer AS "d"
FROM "orders" AS t
WHERE t."tenant_id" = $1
  AND extract(year FROM t."order_date")::integer = $2::integer;
-- $1 = tenant
-- $2 = '2025'::integer
-- columns: number, y, m, d
