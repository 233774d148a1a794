-- Ticket | where customerId == "0bb0e7c9-6a4e-5bf1-8a4b-2c8f1d9f6a11" | count
SELECT count(*) AS "count"
FROM "tickets" AS t
WHERE t."organization_id" = $1
  AND t."customer_id" = $2::uuid;
-- $1 = tenant
-- $2 = '0bb0e7c9-6a4e-5bf1-8a4b-2c8f1d9f6a11'::uuid
-- columns: count
