-- Order | aggregate n: count(), withDelivery: count(deliveryDate), customers: count_distinct(customerId), firstNumber: min(number), lastNumber: max(number), avgTotal: avg(total)
SELECT count(*) AS "n",
       count(t."delivery_date") AS "withDelivery",
       count(DISTINCT t."customer_id") AS "customers",
       min(t."number") AS "firstNumber",
       max(t."number") AS "lastNumber",
       avg(t."total") AS "avgTotal"
FROM "orders" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- columns: n, withDelivery, customers, firstNumber, lastNumber, avgTotal
