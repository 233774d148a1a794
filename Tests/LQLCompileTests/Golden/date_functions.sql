-- Order | select number, d: days_between(orderDate, @2026-01-01), q: quarter(orderDate), w: week(orderDate), wd: weekday(orderDate), h: hour(orderDate), qs: trunc(orderDate, "quarter")
SELECT t."number",
       ($2::date - t."order_date"::date) AS "d",
       extract(quarter FROM t."order_date")::integer AS "q",
       extract(week FROM t."order_date")::integer AS "w",
       extract(isodow FROM t."order_date")::integer AS "wd",
       extract(hour FROM t."order_date")::integer AS "h",
       date_trunc($3::text, t."order_date") AS "qs"
FROM "orders" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- $2 = '2026-01-01'::date
-- $3 = 'quarter'::text
-- columns: number, d, q, w, wd, h, qs
