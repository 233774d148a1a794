-- OrderLine | select a: (quantity + 1) * unitPrice, b: quantity + 1 * unitPrice, c: quantity - (1 - 2), d: -quantity % 7
SELECT (t."quantity" + $2::integer) * t."unit_price" AS "a",
       t."quantity" + $2::integer * t."unit_price" AS "b",
       t."quantity" - ($2::integer - $3::integer) AS "c",
       -t."quantity" % $4::integer AS "d"
FROM "order_lines" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- $2 = '1'::integer
-- $3 = '2'::integer
-- $4 = '7'::integer
-- columns: a, b, c, d
