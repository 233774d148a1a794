-- Order | derive net: total - 100 | where customer.tier == VIP | sort net desc | take 2 by customerId
SELECT t2."id",
       t2."number",
       t2."customer_id" AS "customerId",
       t2."portal_user_id" AS "portalUserId",
       t2."sales_rep_id" AS "salesRepId",
       t2."status",
       t2."order_date" AS "orderDate",
       t2."delivery_date" AS "deliveryDate",
       t2."total",
       t2."currency",
       t2."total" - $3::integer AS "net"
FROM (
  SELECT t.*, row_number() OVER (PARTITION BY t."customer_id" ORDER BY t."total" - $3::integer DESC NULLS LAST, t."id" NULLS LAST) AS "__rn1"
  FROM "orders" AS t
  LEFT JOIN "customers" AS j1 ON j1."id" = t."customer_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
  WHERE t."tenant_id" = $1
    AND j1."tier" = $2::"CustomerTier"
) AS t2
WHERE t2."__rn1" <= $4::bigint
ORDER BY t2."total" - $3::integer DESC NULLS LAST, t2."id" NULLS LAST;
-- $1 = tenant
-- $2 = 'VIP'::"CustomerTier"
-- $3 = '100'::integer
-- $4 = '2'::bigint
-- columns: id, number, customerId, portalUserId, salesRepId, status, orderDate, deliveryDate, total, currency, net
