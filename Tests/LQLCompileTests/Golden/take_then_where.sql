-- Order | sort orderDate desc | take 50 | where status == PENDING | select number, customer.name
SELECT t2."number",
       j1."name"
FROM (
  SELECT t.*
  FROM "orders" AS t
  WHERE t."tenant_id" = $1
  ORDER BY t."order_date" DESC NULLS LAST
  LIMIT $2::bigint
) AS t2
LEFT JOIN "customers" AS j1 ON j1."id" = t2."customer_id" AND j1."tenant_id" = t2."tenant_id" AND j1."tenant_id" = $1
WHERE t2."status" = $3::"OrderStatus"
ORDER BY t2."order_date" DESC NULLS LAST;
-- $1 = tenant
-- $2 = '50'::bigint
-- $3 = 'PENDING'::"OrderStatus"
-- columns: number, name
