-- Inventory | where onHand < reorderPoint and reserved >= 0 and onHand <= 100 | select location, onHand
SELECT t."location",
       t."on_hand" AS "onHand"
FROM "inventory" AS t
WHERE t."tenant_id" = $1
  AND t."on_hand" < t."reorder_point" AND t."reserved" >= $2::integer AND t."on_hand" <= $3::integer;
-- $1 = tenant
-- $2 = '0'::integer
-- $3 = '100'::integer
-- columns: location, onHand
