-- OrderLine | select r: round(unitPrice), r2: round(unitPrice * 1.0825, 2), a: abs(discount - unitPrice)
SELECT round(t."unit_price"::numeric) AS "r",
       round((t."unit_price" * $2::numeric)::numeric, $3::integer) AS "r2",
       abs(t."discount" - t."unit_price") AS "a"
FROM "order_lines" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- $2 = '1.0825'::numeric
-- $3 = '2'::integer
-- columns: r, r2, a
