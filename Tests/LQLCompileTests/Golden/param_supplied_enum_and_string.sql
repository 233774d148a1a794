-- Order | where status == $status and customer.name ~ $q | select number
SELECT t."number"
FROM "orders" AS t
LEFT JOIN "customers" AS j1 ON j1."id" = t."customer_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
WHERE t."tenant_id" = $1
  AND t."status" = $2::"OrderStatus" AND j1."name" ILIKE ('%' || $3::text || '%');
-- $1 = tenant
-- $2 = 'CONFIRMED'::"OrderStatus"
-- $3 = '50\%'::text
-- columns: number
