-- Ticket | select number, watchers { email, n: count(assigned) }
SELECT t."number",
       (SELECT coalesce(json_agg(json_build_object($2::text, c1."email", $3::text, (SELECT count(*) FROM "tickets" AS c2 WHERE c2."organization_id" = $1 AND c2."assignee_id" = c1."id")) ORDER BY c1."id"), '[]'::json) FROM "members" AS c1 WHERE c1."organization_id" = $1 AND EXISTS (SELECT 1 FROM "_Watchers" AS l1 WHERE l1."A" = c1."id" AND l1."B" = t."id")) AS "watchers"
FROM "tickets" AS t
WHERE t."organization_id" = $1;
-- $1 = tenant
-- $2 = 'email'::text
-- $3 = 'n'::text
-- columns: number, watchers
