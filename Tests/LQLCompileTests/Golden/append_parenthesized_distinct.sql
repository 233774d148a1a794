-- Customer | where tier == VIP | select city | append (Customer | where status == AT_RISK | select city) | distinct
SELECT DISTINCT s1."city"
FROM (
  (
    SELECT t."city"
    FROM "customers" AS t
    WHERE t."tenant_id" = $1
      AND t."tier" = $2::"CustomerTier"
  )
  UNION ALL
  (
    SELECT t2."city"
    FROM "customers" AS t2
    WHERE t2."tenant_id" = $1
      AND t2."status" = $3::"CustomerStatus"
  )
) AS s1;
-- $1 = tenant
-- $2 = 'VIP'::"CustomerTier"
-- $3 = 'AT_RISK'::"CustomerStatus"
-- columns: city
