-- Order | where deliveryDate is not null | aggregate avgLead: avg(deliveryDate - orderDate), maxLead: max(deliveryDate - orderDate)
SELECT avg(t."delivery_date" - t."order_date") AS "avgLead",
       max(t."delivery_date" - t."order_date") AS "maxLead"
FROM "orders" AS t
WHERE t."tenant_id" = $1
  AND t."delivery_date" IS NOT NULL;
-- $1 = tenant
-- columns: avgLead, maxLead
