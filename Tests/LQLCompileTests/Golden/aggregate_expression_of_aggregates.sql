-- OrderLine | aggregate avgPrice: sum(quantity * unitPrice) / count()
SELECT sum(t."quantity" * t."unit_price") / count(*) AS "avgPrice"
FROM "order_lines" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- columns: avgPrice
