-- Ticket | sort createdAt desc | select number, recent: labels { name } | take 5
SELECT t."number",
       (SELECT coalesce(json_agg(json_build_object($2::text, c1."name") ORDER BY c1."id"), '[]'::json) FROM "labels" AS c1 WHERE c1."organization_id" = $1 AND EXISTS (SELECT 1 FROM "_LabelToTicket" AS l1 WHERE l1."A" = c1."id" AND l1."B" = t."id")) AS "recent"
FROM "tickets" AS t
WHERE t."organization_id" = $1
ORDER BY t."created_at" DESC NULLS LAST
LIMIT $3::bigint;
-- $1 = tenant
-- $2 = 'name'::text
-- $3 = '5'::bigint
-- columns: number, recent
