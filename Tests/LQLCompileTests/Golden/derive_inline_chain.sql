-- Order | derive net: total - 100, big: net > 500 | where big and customer.tier != STANDARD | select number, net, who: customer.name
SELECT t."number",
       t."total" - $2::integer AS "net",
       j1."name" AS "who"
FROM "orders" AS t
LEFT JOIN "customers" AS j1 ON j1."id" = t."customer_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
WHERE t."tenant_id" = $1
  AND t."total" - $2::integer > $3::integer AND j1."tier" <> $4::"CustomerTier";
-- $1 = tenant
-- $2 = '100'::integer
-- $3 = '500'::integer
-- $4 = 'STANDARD'::"CustomerTier"
-- columns: number, net, who
