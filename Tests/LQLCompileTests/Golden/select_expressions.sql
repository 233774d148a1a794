-- OrderLine | select orderId, gross: quantity * unitPrice, net: quantity * unitPrice - discount
SELECT t."order_id" AS "orderId",
       t."quantity" * t."unit_price" AS "gross",
       t."quantity" * t."unit_price" - t."discount" AS "net"
FROM "order_lines" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- columns: orderId, gross, net
