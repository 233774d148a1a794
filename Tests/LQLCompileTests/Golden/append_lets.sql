-- vip | append risky | sort name
SELECT s1."name",
       s1."why"
FROM (
  (
    SELECT t."name",
           $3::text AS "why"
    FROM "customers" AS t
    WHERE t."tenant_id" = $1
      AND t."tier" = $2::"CustomerTier"
  )
  UNION ALL
  (
    SELECT t2."name",
           $5::text AS "why"
    FROM "customers" AS t2
    WHERE t2."tenant_id" = $1
      AND t2."status" = $4::"CustomerStatus"
  )
) AS s1
ORDER BY "name" NULLS LAST;
-- $1 = tenant
-- $2 = 'VIP'::"CustomerTier"
-- $3 = 'vip'::text
-- $4 = 'AT_RISK'::"CustomerStatus"
-- $5 = 'at risk'::text
-- columns: name, why
