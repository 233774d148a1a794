-- PriceListEntry | where tier in [VIP, PREFERRED] or tier is null | count
SELECT count(*) AS "count"
FROM "price_list_entries" AS t
WHERE t."tenant_id" = $1
  AND (t."tier" = ANY($2::"CustomerTier"[]) OR t."tier" IS NULL);
-- $1 = tenant
-- $2 = '{"VIP","PREFERRED"}'::"CustomerTier"[]
-- columns: count
