-- Order | where total > 0 | distinct | count
SELECT count(*) AS "count"
FROM (
  SELECT DISTINCT t."id",
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
  WHERE t."tenant_id" = $1
    AND t."total" > $2::integer
) AS s1;
-- $1 = tenant
-- $2 = '0'::integer
-- columns: count
