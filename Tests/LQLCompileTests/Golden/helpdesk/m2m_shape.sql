-- Ticket | where number < 1010 | select number, labels { name, color }
SELECT t."number",
       (SELECT coalesce(json_agg(json_build_object($3::text, c1."name", $4::text, c1."color") ORDER BY c1."id"), '[]'::json) FROM "labels" AS c1 WHERE c1."organization_id" = $1 AND EXISTS (SELECT 1 FROM "_LabelToTicket" AS l1 WHERE l1."A" = c1."id" AND l1."B" = t."id")) AS "labels"
FROM "tickets" AS t
WHERE t."organization_id" = $1
  AND t."number" < $2::integer;
-- $1 = tenant
-- $2 = '1010'::integer
-- $3 = 'name'::text
-- $4 = 'color'::text
-- columns: number, labels
