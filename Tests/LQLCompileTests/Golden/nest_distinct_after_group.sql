-- Order | group by status, customerId | select status | distinct | count
SELECT count(*) AS "count"
FROM (
  SELECT DISTINCT s1."status"
  FROM (
    SELECT t."status",
           t."customer_id" AS "customerId"
    FROM "orders" AS t
    WHERE t."tenant_id" = $1
    GROUP BY 1, 2
  ) AS s1
) AS s2;
-- $1 = tenant
-- columns: count
