-- Inventory | select location, ratio: onHand / reorderPoint, half: onHand / 2
SELECT t."location",
       t."on_hand"::numeric / t."reorder_point" AS "ratio",
       t."on_hand"::numeric / $2::integer AS "half"
FROM "inventory" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- $2 = '2'::integer
-- columns: location, ratio, half
