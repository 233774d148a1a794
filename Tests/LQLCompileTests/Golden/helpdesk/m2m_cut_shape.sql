-- Ticket | select number, w: (watchers | where role != VIEWER | sort email | take 2) { email }
SELECT t."number",
       (SELECT coalesce(json_agg(json_build_object($4::text, c2."email") ORDER BY c2."email" NULLS LAST, c2."id"), '[]'::json) FROM ( SELECT c1.* FROM "members" AS c1 WHERE c1."organization_id" = $1 AND EXISTS (SELECT 1 FROM "_Watchers" AS l1 WHERE l1."A" = c1."id" AND l1."B" = t."id") AND c1."role" <> $2::"MemberRole" ORDER BY c1."email" NULLS LAST, c1."id" LIMIT $3::bigint ) AS c2) AS "w"
FROM "tickets" AS t
WHERE t."organization_id" = $1;
-- $1 = tenant
-- $2 = 'VIEWER'::"MemberRole"
-- $3 = '2'::bigint
-- $4 = 'email'::text
-- columns: number, w
