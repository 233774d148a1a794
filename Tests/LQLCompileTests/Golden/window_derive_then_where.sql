-- Order | derive r: rank() over (by customer.tier sort total desc) | where r <= 3 and salesRep.fullName is not null
SELECT t2."number",
       j3."tier",
       t2."total",
       t2."r"
FROM (
  SELECT t.*, rank() OVER (PARTITION BY j1."tier" ORDER BY t."total" DESC NULLS LAST) AS "r"
  FROM "orders" AS t
  LEFT JOIN "customers" AS j1 ON j1."id" = t."customer_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
  WHERE t."tenant_id" = $1
) AS t2
LEFT JOIN "users" AS j2 ON j2."id" = t2."sales_rep_id" AND j2."tenant_id" = t2."tenant_id" AND j2."tenant_id" = $1
LEFT JOIN "customers" AS j3 ON j3."id" = t2."customer_id" AND j3."tenant_id" = t2."tenant_id" AND j3."tenant_id" = $1
WHERE t2."r" <= $2::integer AND j2."full_name" IS NOT NULL;
-- $1 = tenant
-- $2 = '3'::integer
-- columns: number, tier, total, r
