-- Country | select code, n: count(customers), vip: any(customers where tier == VIP)
SELECT t."code",
       (SELECT count(*) FROM "customers" AS c1 WHERE c1."organization_id" = $1 AND c1."country_code" = t."code") AS "n",
       EXISTS (SELECT 1 FROM "customers" AS c2 WHERE c2."organization_id" = $1 AND c2."country_code" = t."code" AND c2."tier" = $2::"CustomerTier") AS "vip"
FROM "countries" AS t;
-- $1 = tenant
-- $2 = 'VIP'::"CustomerTier"
-- columns: code, n, vip
