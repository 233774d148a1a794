-- Inventory | where onHand < 3_000_000_000 | select location
SELECT t."location"
FROM "inventory" AS t
WHERE t."tenant_id" = $1
  AND t."on_hand" < $2::bigint;
-- $1 = tenant
-- $2 = '3000000000'::bigint
-- columns: location
