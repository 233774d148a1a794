-- Order | sort customer.name, orderDate desc | take 5
SELECT t."id",
       t."number",
       t."customer_id" AS "customerId",
       t."portal_user_id" AS "portalUserId",
       t."sales_rep_id" AS "salesRepId",
       t."status",
       t."order_date" AS "orderDate",
       t."delivery_date" AS "deliveryDate",
       t."total",
       t."currency"
FROM "orders" AS t
LEFT JOIN "customers" AS j1 ON j1."id" = t."customer_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
WHERE t."tenant_id" = $1
ORDER BY j1."name" NULLS LAST, t."order_date" DESC NULLS LAST
LIMIT $2::bigint;
-- $1 = tenant
-- $2 = '5'::bigint
-- columns: id, number, customerId, portalUserId, salesRepId, status, orderDate, deliveryDate, total, currency
